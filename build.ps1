<#
.SYNOPSIS
    Builds, tests, documents and packages the Bitrix24 module.

.DESCRIPTION
    A thin orchestrator over the dotnet CLI for people with pwsh; CI and newcomers without pwsh run
    `dotnet test Bitrix24.PowerShell.sln -c Release` directly (see README.md).

    Build    dotnet build of the solution; lays out the importable module in out/Bitrix24/.
    Test     Build, dotnet test, then the Pester 5 tests in tests/Pester when Pester 5 is installed.
    Docs     MAML help out/Bitrix24/en-US/ from the platyPS markdown in docs/.
    Package  Build and Docs, then out/Bitrix24-<version>.zip.

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$solution = Join-Path $root 'Bitrix24.PowerShell.sln'
$moduleOut = Join-Path (Join-Path $root 'out') 'Bitrix24'

# Native commands do not throw on failure: every dotnet call goes through here so a failing step stops the build.
function Invoke-Dotnet {
    param([Parameter(Mandatory, ValueFromRemainingArguments)] [string[]] $Arguments)

    Write-Host "> dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Dotnet build $solution -c $Configuration
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Dotnet test $solution -c $Configuration --no-build

    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version.Major -ge 5 } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed, so tests/Pester was skipped. Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser'
        return
    }

    Import-Module $pester -Force
    # The Pester tests start the emulator with `dotnet run --no-build` in this configuration.
    $env:B24_BUILD_CONFIGURATION = $Configuration
    $result = Invoke-Pester -Path (Join-Path $root 'tests/Pester') -Output Detailed -PassThru
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
    }
}

function Invoke-DocsTask {
    $platyPS = Get-Module -ListAvailable -Name platyPS | Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $platyPS) {
        throw 'The Docs task needs platyPS 0.14: Install-Module platyPS -Scope CurrentUser'
    }
    Import-Module $platyPS -Force

    $helpOut = Join-Path $moduleOut 'en-US'
    New-ExternalHelp -Path (Join-Path $root 'docs') -OutputPath $helpOut -Force | Out-Null
    Write-Host "Help written to $helpOut"
    Write-Host 'After changing cmdlet parameters, refresh the pages first:'
    Write-Host '  Import-Module ./out/Bitrix24/Bitrix24.psd1 -Force; Update-MarkdownHelp -Path ./docs'
}

function Invoke-PackageTask {
    Invoke-BuildTask
    Invoke-DocsTask

    $manifest = Import-PowerShellDataFile -Path (Join-Path $moduleOut 'Bitrix24.psd1')
    $zip = Join-Path (Join-Path $root 'out') "Bitrix24-$($manifest.ModuleVersion).zip"
    # Archiving the folder itself keeps Bitrix24/ at the top of the zip, ready to drop into PSModulePath.
    Compress-Archive -Path $moduleOut -DestinationPath $zip -Force
    Write-Host "Package: $zip"
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Docs' { Invoke-DocsTask }
    'Package' { Invoke-PackageTask }
}
