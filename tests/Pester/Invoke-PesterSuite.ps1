<#
.SYNOPSIS
    Runs (or only discovers) every tests/Pester/*.Tests.ps1 file with a given Pester module and writes the
    results as JSON: one object per test, { Key, Result, Message }.

.DESCRIPTION
    tests/Bitrix24.Pester.Tests calls it in a fresh `dotnet pwsh`, so the caller's StrictMode, preferences
    and loaded modules never reach the tests. Key is '<file>: <block path>', the same in discovery and run.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $OutputPath,
    [switch] $DiscoverOnly,
    [string] $NUnitPath
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' -File | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Run.SkipRun = $DiscoverOnly.IsPresent
$configuration.Output.Verbosity = if ($DiscoverOnly) { 'None' } else { 'Detailed' }
if ($NUnitPath -and -not $DiscoverOnly) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnit3'
    $configuration.TestResult.OutputPath = $NUnitPath
}

$run = Invoke-Pester -Configuration $configuration

# Pester expands '<Name>' in block and test names only when it runs them, so discovery and run would disagree on
# ExpandedPath. The key is built here the same way in both: each name with '<x>' taken from the -ForEach data of
# the test and its enclosing blocks (a name without such data keeps its literal text).
function Expand-Name([string] $Name, $Data) {
    if ($Data -isnot [System.Collections.IDictionary]) { return $Name }
    [regex]::Replace($Name, '<(\w+)>', { param($m) if ($Data.Contains($m.Groups[1].Value)) { "$($Data[$m.Groups[1].Value])" } else { $m.Value } })
}

function Get-TestKey($Test) {
    $names = @(Expand-Name $Test.Name $Test.Data)
    for ($block = $Test.Block; $null -ne $block -and -not $block.IsRoot; $block = $block.Parent) {
        $names = @(Expand-Name $block.Name $block.Data) + $names
    }
    "$(Split-Path -Leaf $Test.ScriptBlock.File): $($names -join '.')"
}

$tests = foreach ($test in $run.Tests) {
    [pscustomobject]@{
        Key     = Get-TestKey $test
        Result  = "$($test.Result)"
        Message = ($test.ErrorRecord | ForEach-Object { "$_`n$($_.ScriptStackTrace)" }) -join "`n"
    }
}
# Containers that failed outside any test (a BeforeAll that threw, a file that does not parse) fail every test
# in them; one that has no test at all is reported under its file name so it cannot pass unseen.
$broken = foreach ($container in $run.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.TestsCount -eq 0 }) {
    [pscustomobject]@{
        Key     = "$(Split-Path -Leaf $container.Item): (file)"
        Result  = 'Failed'
        Message = ($container.ErrorRecord | ForEach-Object { "$_" }) -join "`n"
    }
}
ConvertTo-Json -InputObject @(@($tests) + @($broken)) -Depth 3 | Set-Content -Path $OutputPath -Encoding utf8
