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

Describe 'New-, Set-, Remove-B24WorkflowTemplate (application context)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $session = Initialize-AppTestSession
        $emulator = $session.Emulator

        # A .bpt as the workflow designer exports it: a zlib stream.
        function New-Bpt([string] $Path, [string] $Text = 'a:0:{}') {
            $file = [System.IO.File]::Create($Path)
            try {
                $zlib = [System.IO.Compression.ZLibStream]::new($file, [System.IO.Compression.CompressionLevel]::Optimal)
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($Text)
                $zlib.Write($bytes, 0, $bytes.Length)
                $zlib.Dispose()
            }
            finally { $file.Dispose() }
        }
        $folder = Join-Path $TestDrive 'templates'
        $null = New-Item -ItemType Directory -Path $folder
        New-Bpt (Join-Path $folder 'deal-approval.bpt')
        New-Bpt (Join-Path $folder 'lead-check.bpt') 'a:1:{i:0;s:4:"lead";}'
    }

    AfterAll { Clear-AppTestSession $session }

    It 'adds a template from a .bpt with a shortcut document type and shows it in Get-B24WorkflowTemplate' {
        $t = New-B24WorkflowTemplate -DocumentType Deal -Name 'Deal approval' -Description 'Two steps' -Path (Join-Path $folder 'deal-approval.bpt') -AutoExecute OnCreate
        $t.Id | Should -Be 5
        $t.DocumentType | Should -Be @('crm', 'CCrmDocumentDeal', 'DEAL')
        "$($t.AutoExecute)" | Should -Be 'OnCreate'
        $listed = Get-B24WorkflowTemplate -Id 5
        $listed.Name | Should -Be 'Deal approval'
        "$($listed.AutoExecute)" | Should -Be 'OnCreate'
    }

    It 'adds one template per .bpt file piped from Get-ChildItem (Path binds from FullName)' {
        $added = Get-ChildItem $folder -Filter 'lead-*.bpt' |
            Select-Object FullName, @{ n = 'Name'; e = { $_.BaseName } }, @{ n = 'DocumentType'; e = { 'Dynamic 128' } } |
            New-B24WorkflowTemplate
        $added.Name | Should -Be 'lead-check'
        $added.Entity | Should -Be 'Bitrix\Crm\Integration\BizProc\Document\Dynamic'
        $added.DocumentType[2] | Should -Be 'DYNAMIC_128'
    }

    It 'Set-B24WorkflowTemplate changes only the given fields, from Get-B24WorkflowTemplate output' {
        Get-B24WorkflowTemplate -Id 5 | Set-B24WorkflowTemplate -Name 'Deal approval v2' -AutoExecute OnCreateAndUpdate
        $t = Get-B24WorkflowTemplate -Id 5
        $t.Name | Should -Be 'Deal approval v2'
        "$($t.AutoExecute)" | Should -Be 'OnCreateAndUpdate'
        { Set-B24WorkflowTemplate -Id 5 -ErrorAction Stop } | Should -Throw -ErrorId 'INVALID_ARGUMENT*' -ExpectedMessage '*Nothing to change*'
    }

    It 'an application may not change the portal''s own templates' {
        { Set-B24WorkflowTemplate -Id 1 -Name 'Hijack' -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_TEMPLATE_NOT_OWNER,Bitrix24.PowerShell.Commands.SetB24WorkflowTemplateCommand'
        (Get-B24WorkflowTemplate -Id 1).Name | Should -Be 'Lead approval'
    }

    It 'refuses a file that is not a .bpt with the portal''s ERROR_TEMPLATE_VALIDATION_FAILURE' {
        $plain = Join-Path $TestDrive 'plain.bpt'
        Set-Content -Path $plain -Value 'not a template'
        { New-B24WorkflowTemplate -DocumentType Lead -Name 'Plain' -Path $plain -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_TEMPLATE_VALIDATION_FAILURE*' -ExpectedMessage '*Incorrect field TEMPLATE_DATA!*'
    }

    It 'is refused on a webhook connection before anything is sent' {
        $before = Get-CallCount $emulator 'bizproc.workflow.template.add'
        { New-B24WorkflowTemplate -Connection $session.WebhookConnection -DocumentType Lead -Name 'X' -Path (Join-Path $folder 'deal-approval.bpt') -ErrorAction Stop } |
            Should -Throw -ErrorId 'APPLICATION_CONTEXT_REQUIRED*'
        Get-CallCount $emulator 'bizproc.workflow.template.add' | Should -Be $before
    }

    It 'Remove-B24WorkflowTemplate is ConfirmImpact High; -WhatIf keeps, -Force removes' {
        (Get-Command Remove-B24WorkflowTemplate).ImplementingType.GetCustomAttributes($true) |
            Where-Object { $_ -is [System.Management.Automation.CmdletAttribute] } | ForEach-Object { "$($_.ConfirmImpact)" } | Should -Be 'High'
        Remove-B24WorkflowTemplate -Id 5, 6 -WhatIf
        @(Get-B24WorkflowTemplate -Id 5).Count | Should -Be 1
        Remove-B24WorkflowTemplate -Id 5, 6 -Force
        @(Get-B24WorkflowTemplate | Where-Object Id -ge 5).Count | Should -Be 0
        { Remove-B24WorkflowTemplate -Id 5 -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_TEMPLATE_NOT_FOUND*'
    }
}
