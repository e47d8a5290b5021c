#Requires -Version 7.0

Describe 'Get-B24User' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        # 300 users besides the admin and the non-admin: user.get pages 50 at a time, 7 pages in all.
        $emulator = Start-TestEmulator -SeedWorkflows 0 -ExtraArguments '--seed-users', '300'
        Initialize-TestSession $emulator
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'returns a typed user by id' {
        $user = Get-B24User -Id 1
        $user | Should -HaveCount 1
        $user.Id | Should -Be 1
        $user.PSObject.TypeNames | Should -Contain 'Bitrix24.Client.Models.B24User'
    }

    It 'stops asking for pages once Select-Object -First 5 has its users' {
        Reset-Emulator $emulator
        @(Get-B24User) | Should -HaveCount 302
        $full = Get-CallCount $emulator 'user.get'

        Reset-Emulator $emulator
        $five = @(Get-B24User | Select-Object -First 5)

        $five | Should -HaveCount 5
        $full | Should -BeGreaterThan 1
        Get-CallCount $emulator 'user.get' | Should -Be 1
    }

    It 'looks up the users named in a CSV file read with Import-Csv' {
        $csv = Join-Path $TestDrive 'users.csv'
        Set-Content -Path $csv -Value 'Id', '1', '2'
        $users = @(Import-Csv -Path $csv | Get-B24User)
        $users.Id | Should -Be @(1, 2)
    }

    It 'exports users to CSV with their id and names' {
        $users = @(Get-B24User -First 3)
        $csv = Join-Path $TestDrive 'export.csv'
        $users | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        $rows | Should -HaveCount 3
        $rows.Id | Should -Be @($users | ForEach-Object { "$($_.Id)" })
    }

    It 'converts users to JSON that reads back with the same ids' {
        $users = @(Get-B24User -First 3)
        $back = $users | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue | ConvertFrom-Json
        @($back) | Should -HaveCount 3
        $back.Id | Should -Be $users.Id
    }
}
