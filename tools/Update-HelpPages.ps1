#Requires -Version 7.0
<#
.SYNOPSIS
    Refreshes the SYNTAX and parameter metadata of the help pages in docs/ from the built module.

.DESCRIPTION
    Run after changing cmdlet parameters (and building): it imports out/Bitrix24 in a fresh pwsh, reads every
    exported cmdlet's parameter sets and parameters, and lets src/Bitrix24.HelpBuilder rewrite the pages: SYNTAX
    becomes what Get-Command -Syntax prints, the yaml blocks get Type, Aliases, Required, Position and pipeline
    input, and a new parameter gets a "{{ Fill ... }}" stub to describe. Descriptions and examples are yours.
    Where platyPS is installed, Update-MarkdownHelp does the same job.

.EXAMPLE
    dotnet build Bitrix24.PowerShell.sln -c Release; dotnet pwsh tools/Update-HelpPages.ps1
#>
[CmdletBinding()]
param([string] $Configuration = 'Release')

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$manifest = Join-Path $root 'out/Bitrix24/Bitrix24.psd1'

if (-not (Test-Path $manifest)) { throw "The module is not built (no $manifest): dotnet build Bitrix24.PowerShell.sln -c $Configuration" }
$json = & {
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $module = Import-Module $manifest -PassThru -Force
    @(foreach ($command in (Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)) {
        [pscustomobject]@{
            Name       = $command.Name
            Sets       = @(foreach ($set in $command.ParameterSets) {
                [pscustomobject]@{ Name = $set.Name; IsDefault = $set.IsDefault; Syntax = "$($command.Name) $set" }
            })
            Parameters = @(foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' }) {
                [pscustomobject]@{
                    Name    = $parameter.Name
                    Type    = $parameter.ParameterType.Name
                    Aliases = @($parameter.Aliases)
                    Sets    = @(foreach ($entry in $parameter.ParameterSets.GetEnumerator()) {
                        $kinds = @(if ($entry.Value.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($entry.Value.ValueFromPipeline) { 'ByValue' })
                        [pscustomobject]@{
                            Name     = $entry.Key
                            Required = $entry.Value.IsMandatory
                            Position = if ($entry.Value.Position -eq [int]::MinValue) { 'Named' } else { "$($entry.Value.Position)" }
                            Pipeline = if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
                        }
                    })
                }
            })
        }
    }) | ConvertTo-Json -Depth 6
}

$metadata = Join-Path ([IO.Path]::GetTempPath()) "b24-help-metadata-$PID.json"
try {
    Set-Content -Path $metadata -Value $json -Encoding utf8NoBOM
    & dotnet run --project (Join-Path $root 'src/Bitrix24.HelpBuilder') -c $Configuration -- update-docs (Join-Path $root 'docs') $metadata
    if ($LASTEXITCODE) { throw "update-docs failed with exit code $LASTEXITCODE" }
}
finally {
    Remove-Item $metadata -ErrorAction SilentlyContinue
}
