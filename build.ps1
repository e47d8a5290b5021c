<#
.SYNOPSIS
    Builds, tests, documents and packages the Bitrix24 module.

.DESCRIPTION
    A thin orchestrator over the dotnet CLI for people with pwsh; CI and newcomers without pwsh run
    `dotnet test Bitrix24.PowerShell.sln -c Release` directly (see README.md).

    Build    dotnet build of the solution; lays out the importable module in out/Bitrix24/.
    Test     The README's test command: dotnet test, which also runs tests/Pester in a fresh `dotnet pwsh`
             with Pester 5.9.1 (so this script's StrictMode and preferences never reach the tests).
    Docs     MAML help out/Bitrix24/en-US/ from the platyPS markdown in docs/.
    Package  Build, then out/Bitrix24.<version>.nupkg with Compress-PSResource, ready for the Gallery
             (Publish-PSResource). Without pwsh: dotnet tool restore; dotnet pwsh ./build.ps1 -Task Package

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
    Invoke-Dotnet test $solution -c $Configuration
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

    # Compress-PSResource (PSResourceGet, shipped with pwsh 7.6) validates the manifest and writes
    # Bitrix24.<version>.nupkg, the package Install-PSResource takes from a repository.
    $package = Compress-PSResource -Path $moduleOut -DestinationPath (Join-Path $root 'out') -PassThru
    Write-Host "Package: $($package.FullName)"
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Docs' { Invoke-DocsTask }
    'Package' { Invoke-PackageTask }
}
