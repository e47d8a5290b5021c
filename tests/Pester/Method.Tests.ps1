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
