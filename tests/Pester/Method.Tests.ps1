#Requires -Version 7.0

Describe 'Invoke-B24Method and Invoke-B24Batch' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 1000
        Initialize-TestSession $emulator
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'Invoke-B24Method returns the result as objects' {
        $users = @(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } })
        $users | Should -HaveCount 1
        $users[0].ID | Should -Be '1'
    }

    It 'Invoke-B24Method -All pages through a list method' {
        Reset-Emulator $emulator
        $rows = @(Invoke-B24Method bizproc.workflow.instances @{ select = @('ID') } -All)
        $rows | Should -HaveCount 1000
    }

    It 'Invoke-B24Method -All stops paging once Select-Object -First 5 has its rows' {
        Reset-Emulator $emulator
        $five = @(Invoke-B24Method bizproc.workflow.instances @{ select = @('ID') } -All | Select-Object -First 5)
        $five | Should -HaveCount 5
        Get-CallCount $emulator 'bizproc.workflow.instances' | Should -Be 1
    }

    It 'Invoke-B24Method results convert to JSON and CSV' {
        $users = @(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } })
        ($users | ConvertTo-Json -Depth 3 | ConvertFrom-Json).ID | Should -Be '1'
        $csv = Join-Path $TestDrive 'method.csv'
        $users | Export-Csv -Path $csv -NoTypeInformation
        (Import-Csv -Path $csv).ID | Should -Be '1'
    }

    It 'Invoke-B24Method runs a read under -WhatIf and $WhatIfPreference; a write under -WhatIf sends nothing' {
        Reset-Emulator $emulator
        $id = (Get-B24Workflow -First 1).Id
        (Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } } -WhatIf).ID | Should -Be '1'
        @(Invoke-B24Method bizproc.workflow.instances @{ select = @('ID') } -All -WhatIf) | Should -HaveCount 1000
        $fromPreference = & { $WhatIfPreference = $true; Invoke-B24Method tasks.flow.Flow.isExists @{ flowData = @{ name = 'x' } } }
        $fromPreference | Should -Not -BeNullOrEmpty
        Invoke-B24Method bizproc.workflow.terminate @{ ID = $id } -WhatIf | Should -BeNullOrEmpty
        & { $WhatIfPreference = $true; Invoke-B24Method bizproc.workflow.kill @{ ID = $id } } | Should -BeNullOrEmpty
        Get-CallCount $emulator 'bizproc.workflow.terminate' | Should -Be 0
        Get-CallCount $emulator 'bizproc.workflow.kill' | Should -Be 0
        Get-CallCount $emulator 'user.get' | Should -Be 1
        Get-WriteCount $emulator | Should -Be 0
    }

    It 'Invoke-B24Method -Confirm never asks for a read; a write asks, which a non-interactive pwsh refuses' {
        try {
            $env:B24_WEBHOOK_URL = $emulator.Webhook
            $lines = Invoke-ChildPwsh @"
Import-Module '$ManifestPath'
(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } } -Confirm -ErrorAction Stop).ID
try { Invoke-B24Method bizproc.workflow.terminate @{ ID = 'x' } -Confirm -ErrorAction Stop; 'sent' } catch { 'refused' }
"@
        }
        finally { $env:B24_WEBHOOK_URL = $null }
        $lines | Should -Be @('1', 'refused')
        Get-CallCount $emulator 'bizproc.workflow.terminate' | Should -Be 0
    }

    It 'Invoke-B24Method -Debug shows the request and response bodies, secrets masked, without prompting; without it, none' {
        $records = Invoke-B24Method user.get @{ FILTER = @{ ID = 1 }; password = 'not-for-the-log-42' } -Debug 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = ($records | ForEach-Object Message) -join "`n"
        $text | Should -Match 'Request POST .*/rest/1/\*\*\*/user\.get \{.*"FILTER":\{"ID":1\}'
        $text | Should -Match '"password":"\*\*\*"'
        $text | Should -Match 'Response 200 \{"result":\[\{"ID":"1"'
        # PowerShell would turn verbose lines into prompts under -Debug alone: they come as debug records.
        $text | Should -Match 'user\.get -> 200 \('
        $text.Contains('not-for-the-log-42') | Should -BeFalse
        $text.Contains($emulator.Code) | Should -BeFalse
        @(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } } 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) |
            Should -HaveCount 0
    }

    It 'reports a failing batch sub-call as an error targeted at its key, to -ErrorVariable' {
        $commands = [ordered]@{
            me      = 'user.get?FILTER[ID]=1'
            missing = 'no.such.method'
        }
        $results = Invoke-B24Batch $commands -ErrorAction SilentlyContinue -ErrorVariable failures
        $results | Should -HaveCount 1
        $results.Key | Should -Be 'me'
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be 'missing'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERROR_METHOD_NOT_FOUND,*'
    }

    It 'makes a failing sub-call catchable under $ErrorActionPreference = Stop' {
        $caught = & {
            $ErrorActionPreference = 'Stop'
            try { Invoke-B24Batch @{ missing = 'no.such.method' }; 'nothing thrown' }
            catch { $_.FullyQualifiedErrorId -replace ',.*$' }
        }
        $caught | Should -Be 'ERROR_METHOD_NOT_FOUND'
    }

    It 'batch items convert to JSON and CSV with their key' {
        $items = @(Invoke-B24Batch ([ordered]@{ a = 'user.get?FILTER[ID]=1'; b = 'user.get?FILTER[ID]=2' }))
        $items | Should -HaveCount 2
        ($items | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue | ConvertFrom-Json).Key | Should -Be @('a', 'b')
        $csv = Join-Path $TestDrive 'batch.csv'
        $items | Export-Csv -Path $csv -NoTypeInformation
        (Import-Csv -Path $csv).Key | Should -Be @('a', 'b')
    }
}
