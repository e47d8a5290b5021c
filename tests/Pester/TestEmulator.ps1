# Dot-sourced by Flows.Tests.ps1 and Tasks.Tests.ps1: starts the built emulator as its own process on a free
# loopback port and returns its webhook and base address. The webhook is never printed.
function Start-TestEmulator {
    param([string[]] $Arguments = @())
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $configuration = if ($env:B24_BUILD_CONFIGURATION) { $env:B24_BUILD_CONFIGURATION } else { 'Release' }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('run', '--project', (Join-Path $repoRoot 'tests/Bitrix24.Emulator'), '-c', $configuration, '--no-build', '--', '--port', '0') + $Arguments) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $null = $process.StandardError.ReadToEndAsync()
    $webhook = $null
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    while (-not $webhook -and [DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^Webhook: (\S+)') { $webhook = $Matches[1] }
    }
    if (-not $webhook) {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw 'The emulator did not print its webhook.'
    }
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    [pscustomobject]@{
        Process  = $process
        Webhook  = $webhook
        Base     = ([Uri]$webhook).GetLeftPart([UriPartial]::Authority)
        Manifest = Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1'
    }
}

function Get-TestEmulatorStats([object] $Emulator) { Invoke-RestMethod -Uri "$($Emulator.Base)/emulator/stats" }

function Get-WriteCount([object] $Emulator) {
    $writes = (Get-TestEmulatorStats $Emulator).writesByMethod
    $total = 0
    if ($writes) { foreach ($p in $writes.PSObject.Properties) { $total += [int]$p.Value } }
    $total
}
