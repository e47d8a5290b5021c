# Shared setup of the Pester suite, dot-sourced in each file's BeforeAll:
#   . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
# It starts an emulator of its own (a separate process, as a user would run it), imports the built module
# from out/Bitrix24 (or $env:B24_MODULE_MANIFEST) and offers the emulator's control API.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Configuration = if ($env:B24_BUILD_CONFIGURATION) { $env:B24_BUILD_CONFIGURATION } else { 'Release' }
$script:ManifestPath = if ($env:B24_MODULE_MANIFEST) { $env:B24_MODULE_MANIFEST } else { Join-Path $RepoRoot 'out/Bitrix24/Bitrix24.psd1' }

function Start-TestEmulator {
    param([int] $SeedWorkflows = 1000, [string[]] $ExtraArguments = @())

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $arguments = @('run', '--project', (Join-Path $RepoRoot 'tests/Bitrix24.Emulator'), '-c', $Configuration, '--no-build', '--',
        '--port', '0', '--seed-workflows', $SeedWorkflows) + $ExtraArguments
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add([string]$argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errors = $process.StandardError.ReadToEndAsync()

    $webhook = $null
    $read = $null
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    while (-not $webhook -and [DateTime]::UtcNow -lt $deadline) {
        # One read in flight at a time: a StreamReader refuses a second while the first is pending.
        if (-not $read) { $read = $process.StandardOutput.ReadLineAsync() }
        if (-not $read.Wait([TimeSpan]::FromSeconds(5))) { continue }
        $line = $read.Result
        $read = $null
        if ($null -eq $line) { break }   # the process ended before listening
        if ($line -match '^Webhook: (\S+)') { $webhook = $Matches[1] }
    }
    if (-not $webhook) {
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $errors.Wait([TimeSpan]::FromSeconds(5))
        throw "The emulator did not print its webhook. $($errors.Result)"
    }
    # Keep draining stdout so request logging can never fill the pipe and stall the emulator.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)

    $uri = [Uri]$webhook
    [pscustomobject]@{
        Process = $process
        Webhook = $webhook
        Base    = $uri.GetLeftPart([UriPartial]::Authority)
        Code    = $uri.Segments[-1].TrimEnd('/')
    }
}

function Stop-TestEmulator([Parameter(Mandatory)] $Emulator) {
    if ($Emulator.Process -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }
}

# Imports the module and connects; B24_WEBHOOK_URL is cleared so only what a test sets is seen.
function Initialize-TestSession([Parameter(Mandatory)] $Emulator) {
    $env:B24_WEBHOOK_URL = $null
    Import-Module $ManifestPath -Force
    Connect-B24 -Url $Emulator.Webhook
}

function Get-EmulatorStats([Parameter(Mandatory)] $Emulator) { Invoke-RestMethod -Uri "$($Emulator.Base)/emulator/stats" }

# Write handlers the emulator completed, over every method (proves -WhatIf sent nothing that changes state).
function Get-WriteCount([Parameter(Mandatory)] $Emulator) {
    $writes = (Get-EmulatorStats $Emulator).writesByMethod
    $total = 0
    if ($writes) { foreach ($p in $writes.PSObject.Properties) { $total += [int]$p.Value } }
    $total
}
function Reset-Emulator([Parameter(Mandatory)] $Emulator) { $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Base)/emulator/reset" }
function Get-EmulatorWebhooks([Parameter(Mandatory)] $Emulator) { Invoke-RestMethod -Uri "$($Emulator.Base)/emulator/webhooks" }

# How often the emulator received a method, 0 when never (the stats leave out methods not called).
function Get-CallCount([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Method) {
    $calls = (Get-EmulatorStats $Emulator).callsByMethod
    $count = $calls.PSObject.Properties[$Method]
    if ($null -eq $count) { 0 } else { [int]$count.Value }
}

# Runs a script in a fresh pwsh (the same version as this one) and returns its output lines; throws with
# its error output when it fails. The child inherits the environment: set $env: values before the call.
# -AsFile runs it as a script file: only then does the output hold what is written straight to the host
# ($Host.UI.WriteWarningLine); under -EncodedCommand the console host writes that to the terminal instead.
function Invoke-ChildPwsh([Parameter(Mandatory)] [string] $Script, [switch] $AsFile) {
    $file = $null
    if ($AsFile) {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) ('b24-pester-' + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $file -Value $Script
        $run = @('-File', $file)
    }
    else {
        $run = @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script)))
    }
    try {
        $output = & (Get-Process -Id $PID).Path @(Get-PwshLaunchArguments) -NoProfile -NonInteractive @run 2>&1
    }
    finally {
        if ($file) { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    }
    if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
    @($output | ForEach-Object { "$_" })
}

# Runs a script in a fresh pwsh whose input is an open pipe nobody writes to (a prompt or a wait for a person
# would hang there), optionally with -NonInteractive; returns its output lines. Fails when it does not end.
function Invoke-UnattendedPwsh([Parameter(Mandatory)] [string] $Script, [switch] $NonInteractive) {
    $info = [System.Diagnostics.ProcessStartInfo]::new((Get-Process -Id $PID).Path)
    foreach ($a in @(Get-PwshLaunchArguments) + @('-NoProfile') + @(if ($NonInteractive) { '-NonInteractive' }) + @('-Command', $Script)) {
        $info.ArgumentList.Add($a)
    }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.Environment['B24_WEBHOOK_URL'] = $null
    $child = [System.Diagnostics.Process]::Start($info)
    try {
        $output = $child.StandardOutput.ReadToEndAsync()
        if (-not $child.WaitForExit(120000)) { throw 'The child pwsh waited for input instead of failing.' }
        @($output.Result -split "`r?`n" | Where-Object { $_ })
    }
    finally {
        if (-not $child.HasExited) { $child.Kill($true) }
        $child.StandardInput.Dispose()
    }
}

# What starts this same pwsh again: `dotnet pwsh` (the local tool) runs as dotnet with pwsh.dll as its
# first argument; an installed pwsh is its own executable.
function Get-PwshLaunchArguments {
    $first = [Environment]::GetCommandLineArgs()[0]
    if ($first -like '*.dll') { @($first) } else { @() }
}

# Installs an application on the emulator (POST /emulator/oauth/apps; -UserId 2 for a non-administrator's) and
# signs in as it, with a token cache in a fresh temporary folder. Returns the cache path (remove its folder after)
# and the app's client id.
# The app's keys are throwaway test values; still, nothing here prints them.
function Connect-TestApp([Parameter(Mandatory)] $Emulator, [int] $UserId = 1) {
    $app = Invoke-RestMethod -Method Post -Uri "$($Emulator.Base)/emulator/oauth/apps?userId=$UserId"
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('b24-pester-app-' + [guid]::NewGuid().ToString('N'))
    $cache = Join-Path $folder 'tokens.json'
    $secret = ConvertTo-SecureString $app.client_secret -AsPlainText -Force
    $refresh = ConvertTo-SecureString $app.refresh_token -AsPlainText -Force
    Connect-B24 -Portal "$($Emulator.Base)/" -ClientId $app.client_id -ClientSecret $secret -RefreshToken $refresh `
        -TokenServer "$($Emulator.Base)/" -TokenCachePath $cache -RequestsPerSecond 1000 -Burst 1000
    [pscustomobject]@{ Cache = $cache; ClientId = $app.client_id }
}

# The setup of the application-context files: an emulator that never throttles, the module imported, the
# webhook connection kept aside (to show what a webhook is refused) and the session signed in as an application.
function Initialize-AppTestSession {
    $emulator = Start-TestEmulator -SeedWorkflows 0 -ExtraArguments @('--rate', '1000', '--burst', '100000')
    $null = Initialize-TestSession $emulator
    $webhook = Get-B24Connection
    $app = Connect-TestApp $emulator
    [pscustomobject]@{ Emulator = $emulator; WebhookConnection = $webhook; Cache = $app.Cache; ClientId = $app.ClientId }
}

# Undoes Initialize-AppTestSession.
function Clear-AppTestSession($Session) {
    Disconnect-B24 -ErrorAction SilentlyContinue
    if ($Session.Cache) { Remove-Item -Recurse -Force (Split-Path $Session.Cache) -ErrorAction SilentlyContinue }
    if ($Session.Emulator) { Stop-TestEmulator $Session.Emulator }
}
