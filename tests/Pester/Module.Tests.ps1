#Requires -Version 7.0

# The module as files: both manifests are valid and the built one exports the cmdlets.
Describe 'Bitrix24 module' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    }

    It 'ships a manifest that passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $ManifestPath
        $manifest.Name | Should -Be 'Bitrix24'
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'Bitrix24'
    }

    It 'keeps the source manifest at the root valid, with the same version' {
        $source = Test-ModuleManifest -Path (Join-Path $RepoRoot 'Bitrix24.psd1')
        $source.Version | Should -Be (Test-ModuleManifest -Path $ManifestPath).Version
    }

    It 'imports from the root manifest, with its format views' {
        $lines = Invoke-ChildPwsh @"
Import-Module '$(Join-Path $RepoRoot 'Bitrix24.psd1')'
(Get-Command -Module Bitrix24 -CommandType Cmdlet).Count
@(Get-FormatData -TypeName 'Bitrix24.Client.Models.Workflow').Count
"@
        $listed = (Import-PowerShellDataFile -Path (Join-Path $RepoRoot 'Bitrix24.psd1')).CmdletsToExport
        $lines | Should -Be @("$($listed.Count)", '1')
    }

    It 'carries the MIT license in the module folder' {
        Join-Path (Split-Path $ManifestPath) 'LICENSE' | Should -FileContentMatch 'MIT License'
    }

    It 'exports exactly the cmdlets its manifest lists, the first milestone''s among them' {
        Import-Module $ManifestPath -Force
        $listed = @((Import-PowerShellDataFile -Path $ManifestPath).CmdletsToExport)
        $expected = @($listed) + @('Connect-B24', 'Disconnect-B24', 'Get-B24Connection', 'Invoke-B24Method', 'Invoke-B24Batch',
            'Get-B24User', 'Get-B24WorkflowTemplate', 'Start-B24Workflow', 'Get-B24Workflow', 'Stop-B24Workflow',
            'Remove-B24Workflow') | Sort-Object -Unique
        $exported = @(Get-Command -Module Bitrix24 -CommandType Cmdlet | ForEach-Object Name)
        $exported | Should -HaveCount $expected.Count
        foreach ($name in $expected) { $exported | Should -Contain $name }
    }
}
