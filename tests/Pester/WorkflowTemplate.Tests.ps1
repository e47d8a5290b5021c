#Requires -Version 7.0

Describe 'Get-B24WorkflowTemplate' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 10
        Initialize-TestSession $emulator
        $templates = @(Get-B24WorkflowTemplate)
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'returns typed templates' {
        $templates.Count | Should -BeGreaterThan 0
        # By type name: on PowerShell 7 the client's types live in the module's own load context, where
        # type literals such as [Bitrix24.Client.Models.WorkflowTemplate] do not resolve.
        $templates[0].PSObject.TypeNames | Should -Contain 'Bitrix24.Client.Models.WorkflowTemplate'
    }

    It 'exports templates to CSV with their id and name' {
        $csv = Join-Path $TestDrive 'templates.csv'
        $templates | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        $rows | Should -HaveCount $templates.Count
        $rows.Id | Should -Be @($templates | ForEach-Object { "$($_.Id)" })
        $rows.Name | Should -Be $templates.Name
    }

    It 'converts templates to JSON that reads back with the same ids' {
        $back = $templates | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue | ConvertFrom-Json
        @($back) | Should -HaveCount $templates.Count
        $back.Id | Should -Be $templates.Id
    }

    It 'feeds the workflows of a template with ForEach-Object' {
        $template = ($templates | Where-Object { @(Get-B24Workflow -TemplateId $_.Id -First 1).Count -gt 0 } | Select-Object -First 1)
        $running = @($template | ForEach-Object { Get-B24Workflow -TemplateId $_.Id })
        $running.Count | Should -BeGreaterThan 0
        @($running | Where-Object TemplateId -ne $template.Id).Count | Should -Be 0
    }
}
