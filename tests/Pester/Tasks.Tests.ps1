#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Tasks in real pwsh: a 200-row CSV through Add-B24Task and back with Get-B24Task.

Describe 'Tasks' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 0 -ExtraArguments @('--seed-users', '10', '--required-task-field', 'UF_PROJECT_CODE')
        $null = Initialize-TestSession $emulator
    }

    AfterAll {
        Disconnect-B24 -ErrorAction SilentlyContinue
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'imports 200 CSV rows in at most 5 requests, reports the 2 bad rows by position and reads 198 back equal' {
        $csv = Join-Path $TestDrive 'tasks.csv'
        $rows = foreach ($i in 1..200) {
            $title = switch ($i % 3) { 0 { "Задача $i" } 1 { "Task $i 🚀" } default { "Mixed $i — ok ✅" } }
            [pscustomobject]@{
                Title           = if ($i -eq 57) { '' } else { $title }
                ResponsibleId   = if ($i -eq 140) { 9999 } else { 1 + ($i % 5) }
                Deadline        = ([DateTimeOffset]::new(2026, 3, 1, 12, 0, 0, [TimeSpan]::FromHours(-5))).AddHours($i).ToString('yyyy-MM-ddTHH:mm:sszzz')
                Priority        = @('Low', 'Medium', 'High')[$i % 3]
                Auditors        = "1;$(2 + ($i % 3))"
                Tags            = "import,batch$($i % 4)"
                UF_PROJECT_CODE = "PRJ-$i"
            }
        }
        $rows | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $before = (Get-EmulatorStats $emulator).totalRequests

        $errors = $null
        $created = Import-Csv $csv | Add-B24Task -ErrorVariable errors -ErrorAction SilentlyContinue

        $requests = (Get-EmulatorStats $emulator).totalRequests - $before
        Write-Host "CSV import: 200 rows, $requests requests, $($created.Count) created, $($errors.Count) reported"
        $requests | Should -BeLessOrEqual 5
        $created.Count | Should -Be 198
        $errors.Count | Should -Be 2
        $errors[0].ErrorDetails.Message | Should -BeLike "*Row 57 ('')*-Title*"
        $errors[1].ErrorDetails.Message | Should -BeLike "Row 140 ('*140*')*Responsible*"
        $errors[1].FullyQualifiedErrorId | Should -BeLike 'ERROR_CORE,*'

        $good = $rows | Where-Object { $_.Title -ne '' -and $_.ResponsibleId -ne 9999 }
        $created.Title | Should -Be $good.Title   # input order

        $read = $created | Get-B24Task -Select ID, TITLE, RESPONSIBLE_ID, DEADLINE, PRIORITY, AUDITORS, TAGS, UF_PROJECT_CODE
        $read.Count | Should -Be 198
        for ($i = 0; $i -lt 198; $i++) {
            $read[$i].Title | Should -Be $good[$i].Title
            $read[$i].ResponsibleId | Should -Be ([long]$good[$i].ResponsibleId)
            $read[$i].Deadline | Should -Be ([DateTimeOffset]::Parse($good[$i].Deadline))
            $read[$i].Auditors | Should -Be ($good[$i].Auditors -split ';' | ForEach-Object { [long]$_ })
            $read[$i].Priority | Should -Be ([array]::IndexOf(@('Low', 'Medium', 'High'), $good[$i].Priority))
            $read[$i].Tags | Should -Be ($good[$i].Tags -split ',')
            $read[$i].ufProjectCode | Should -Be $good[$i].UF_PROJECT_CODE
        }
    }

    It 'lists tasks with keyset paging, filters and paging parameters' {
        $all = Get-B24Task -Select ID, TITLE
        $all.Count | Should -BeGreaterOrEqual 198
        ($all.Id | Sort-Object) | Should -Be $all.Id
        (Get-B24Task -ResponsibleId 2).ResponsibleId | Sort-Object -Unique | Should -Be 2
        (Get-B24Task -First 3 -Skip 1).Count | Should -Be 3
    }

    It 'refuses a missing required custom field and a plan that ends before it starts' {
        { Add-B24Task -Title 'No code' -ResponsibleId 1 -ErrorAction Stop } | Should -Throw '*UF_PROJECT_CODE*'
        { Add-B24Task -Title 'Backwards' -ResponsibleId 1 -StartDatePlan '2026-02-02T10:00:00+00:00' -EndDatePlan '2026-02-01T10:00:00+00:00' -Fields @{ UF_PROJECT_CODE = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.AddB24TaskCommand'
    }

    It 'puts a task into a flow without a responsible' {
        $flow = New-B24Flow -Name 'Support' -PlannedCompletionTime 3600 -Responsible 2
        $task = Add-B24Task -Title 'Printer' -FlowId $flow.Id -Fields @{ UF_PROJECT_CODE = 'x' }
        $task.ResponsibleId | Should -Be 2
        $task.FlowId | Should -Be $flow.Id
        (Get-B24Task -FlowId $flow.Id).Id | Should -Be $task.Id
    }

    It 'sends no write with -WhatIf' {
        $writes = Get-WriteCount $emulator
        1..3 | ForEach-Object { [pscustomobject]@{ Title = "W $_"; ResponsibleId = 1; UF_PROJECT_CODE = 'x' } } | Add-B24Task -WhatIf
        Get-WriteCount $emulator | Should -Be $writes
    }

    It 'completes Priority values' {
        $line = 'Add-B24Task -Priority H'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'High'
    }
}
