# Shared by the shell-experience Pester files (*.Format.Tests.ps1, *.Shell.Tests.ps1): starts the emulator as its
# own process, as a user would, and imports the built module. Dot-source it in BeforeAll; call
# Stop-ShellEmulator in AfterAll.

function Start-ShellEmulator {
    param([string[]] $Arguments = @('--seed-workflows', '120', '--seed-users', '60'))
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $configuration = if ($env:B24_BUILD_CONFIGURATION) { $env:B24_BUILD_CONFIGURATION } else { 'Release' }
    $manifest = Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1'
    if (-not (Test-Path $manifest)) { throw "The module is not built (no $manifest): run dotnet build first." }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('run', '--project', (Join-Path $repoRoot 'tests/Bitrix24.Emulator'), '-c', $configuration,
            '--no-build', '--', '--port', '0') + $Arguments) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    $webhook = $null
    while (-not $webhook) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { throw "The emulator ended before listening. $($errors.Result)" }
        if ($line -match '^Webhook: (\S+)') { $webhook = $Matches[1] }
    }
    # Keep draining stdout so request logging never fills the pipe.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    Import-Module $manifest -Force
    $uri = [Uri]$webhook
    [pscustomobject]@{
        Process = $process
        Webhook = $webhook
        Base    = $uri.GetLeftPart([UriPartial]::Authority)
        Code    = $uri.Segments[-1].TrimEnd('/')
        Module  = $manifest
    }
}

function Stop-ShellEmulator([object] $Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) { $Emulator.Process.Kill($true) }
}

function Get-ShellEmulatorCallCount([object] $Emulator, [string] $Method) {
    $stats = Invoke-RestMethod -Uri "$($Emulator.Base)/emulator/stats"
    $count = $stats.callsByMethod.$Method
    if ($null -eq $count) { 0 } else { [int]$count }
}
