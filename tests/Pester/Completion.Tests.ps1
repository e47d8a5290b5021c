#Requires -Version 7.0

# Tab completion of values that live on the portal, through TabExpansion2 as the console and editors call it.

Describe 'Live argument completers' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 0 -ExtraArguments @('--seed-users', '5')
        Initialize-TestSession $emulator

        function Get-Completion([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
        }
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'completes <Line> with the template ids, their names beside them' -ForEach @(
        @{ Line = 'Start-B24Workflow -TemplateId ' }
        @{ Line = 'Get-B24Workflow -TemplateId ' }
        @{ Line = 'Get-B24WorkflowTemplate -Id ' }
    ) {
        $matches = Get-Completion $Line
        $matches.CompletionText | Should -Be @('1', '2', '3', '4')
        $matches[0].ListItemText | Should -Be '1 Lead approval'
        $matches[0].ToolTip | Should -Be 'Lead approval (crm, CCrmDocumentLead)'
        $matches[0].ResultType | Should -Be 'ParameterValue'
    }

    It 'matches a typed name as well as an id prefix, and inserts the id' {
        (Get-Completion 'Start-B24Workflow -TemplateId contr').CompletionText | Should -Be @('4')
        (Get-Completion 'Start-B24Workflow -TemplateId 2').CompletionText | Should -Be @('2')
    }

    It 'completes user ids of active users on <Line>' -ForEach @(
        @{ Line = 'Get-B24User -Id ' }
        @{ Line = 'Get-B24Task -ResponsibleId ' }
        @{ Line = 'Add-B24Task -Title x -CreatedBy ' }
        @{ Line = 'Get-B24Workflow -StartedBy ' }
        @{ Line = 'New-B24Flow -OwnerId ' }
    ) {
        $expected = @(Get-B24User -Active | ForEach-Object { "$($_.Id)" })
        $expected.Count | Should -BeGreaterThan 2
        $matches = Get-Completion $Line
        $matches.CompletionText | Should -Be $expected
        $matches[0].ListItemText | Should -BeLike '1 *'
    }

    It 'asks the portal once a minute at most per connection' {
        Reset-Emulator $emulator
        Connect-B24 -Url $emulator.Webhook   # a new connection: nothing cached for it yet
        $null = Get-Completion 'Get-B24Workflow -TemplateId '
        $null = Get-Completion 'Start-B24Workflow -TemplateId 1'
        Get-CallCount $emulator 'bizproc.workflow.template.list' | Should -Be 1
    }

    It 'uses the -Connection typed on the line' {
        try {
            $other = Connect-B24 -Url $emulator.Webhook -PassThru
            Connect-B24 -Url $emulator.Webhook
            Disconnect-B24   # disposes the newer one: $other stays usable, it is only not current
            (Get-Completion 'Get-B24Workflow -Connection $other -TemplateId ').CompletionText | Should -Be @('1', '2', '3', '4')
        }
        finally { Connect-B24 -Url $emulator.Webhook }
    }

    It 'offers nothing and reports nothing without a connection, or when the portal refuses' {
        try {
            Disconnect-B24
            $errorsBefore = $Error.Count
            Get-Completion 'Start-B24Workflow -TemplateId ' | Should -BeNullOrEmpty
            Connect-B24 -Url (Get-EmulatorWebhooks $emulator).nonAdmin   # not an administrator: templates are ACCESS_DENIED
            Get-Completion 'Start-B24Workflow -TemplateId ' | Should -BeNullOrEmpty
            $Error.Count | Should -Be $errorsBefore
        }
        finally { Connect-B24 -Url $emulator.Webhook }
    }
}
