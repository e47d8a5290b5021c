#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Task flows in real pwsh against the emulator run as its own process.

Describe 'Task flows' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 0
        $null = Initialize-TestSession $emulator
    }

    AfterAll {
        Disconnect-B24 -ErrorAction SilentlyContinue
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'runs the lifecycle: create, update, toggle twice, enable (no-op), get, delete' {
        Test-B24Flow -Name 'Lifecycle flow' | Should -BeFalse
        $flow = New-B24Flow -Name 'Lifecycle flow' -PlannedCompletionTime ([TimeSpan]::FromHours(2)) -DistributionType Manually -Responsible 1 -EveryoneCanCreateTasks
        $flow.Id | Should -BeGreaterThan 0
        $flow.Active | Should -BeTrue
        $flow.GroupId | Should -BeGreaterThan 3   # no -GroupId: the portal made a new group
        $flow.PlannedCompletionTime | Should -Be 7200
        Test-B24Flow -Name 'Lifecycle flow' | Should -BeTrue
        Test-B24Flow -Name 'Lifecycle flow' -ExcludeId $flow.Id | Should -BeFalse

        $flow | Set-B24Flow -Description 'Unseen' | Should -BeNullOrEmpty
        $updated = $flow | Set-B24Flow -Description 'Changed' -NotifyAtHalfTime -PassThru
        $updated.Description | Should -Be 'Changed'
        $updated.NotifyAtHalfTime | Should -BeTrue
        $updated.Name | Should -Be 'Lifecycle flow'

        ($flow | Switch-B24Flow -PassThru).Active | Should -BeFalse
        ($flow | Switch-B24Flow -PassThru).Active | Should -BeTrue

        $writes = Get-WriteCount $emulator
        ($flow | Enable-B24Flow -PassThru).Active | Should -BeTrue
        Get-WriteCount $emulator | Should -Be $writes   # already enabled: nothing written

        (Get-B24Flow -Id $flow.Id).Name | Should -Be 'Lifecycle flow'
        $flow | Remove-B24Flow -Force
        Test-B24Flow -Name 'Lifecycle flow' | Should -BeFalse
        { Get-B24Flow -Id $flow.Id -ErrorAction Stop } | Should -Throw -ErrorId 'FlowNotFound,Bitrix24.PowerShell.Commands.GetB24FlowCommand'
    }

    It 'disables twice and ends disabled, toggling once' {
        $flow = New-B24Flow -Name 'Disable twice' -PlannedCompletionTime 3600 -Responsible 1
        $writes = Get-WriteCount $emulator
        $flow | Disable-B24Flow
        $flow | Disable-B24Flow
        (Get-B24Flow -Id $flow.Id).Active | Should -BeFalse
        (Get-WriteCount $emulator) - $writes | Should -Be 1
    }

    It 'gets many flows from the pipeline in one batch request' {
        $ids = 1..5 | ForEach-Object { (New-B24Flow -Name "Many $_" -PlannedCompletionTime 600 -Responsible 1).Id }
        $before = (Get-EmulatorStats $emulator).totalRequests
        $flows = $ids | Get-B24Flow
        (Get-EmulatorStats $emulator).totalRequests - $before | Should -Be 1
        $flows.Id | Should -Be $ids
    }

    It 'reports the documented errors: duplicate name, invalid value, unknown id' {
        $null = New-B24Flow -Name 'Unique' -PlannedCompletionTime 600 -Responsible 1
        $err = $null
        New-B24Flow -Name 'Unique' -PlannedCompletionTime 600 -Responsible 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'A flow with this name already exists'
        { Switch-B24Flow -Id 999999 -ErrorAction Stop } | Should -Throw '*Flow not found*'
        { New-B24Flow -Name 'Zero' -PlannedCompletionTime 0 -Responsible 1 -ErrorAction Stop } | Should -Throw -ErrorId 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.NewB24FlowCommand'
    }

    It 'pins and unpins whatever the state was' {
        $flow = New-B24Flow -Name 'Pinned' -PlannedCompletionTime 600 -Responsible 1
        $flow | Add-B24FlowPin
        $flow | Add-B24FlowPin
        $result = Invoke-B24Method -Method tasks.flow.Flow.pin -Parameters @{ flowId = $flow.Id }
        $result | Should -BeFalse   # it was pinned: the toggle unpinned it
    }

    It 'sends no write with -WhatIf' {
        $flow = New-B24Flow -Name 'WhatIf flow' -PlannedCompletionTime 600 -Responsible 1
        $off = New-B24Flow -Name 'WhatIf off' -PlannedCompletionTime 600 -Responsible 1 | Switch-B24Flow -PassThru
        $writes = Get-WriteCount $emulator
        $off | Enable-B24Flow -WhatIf
        New-B24Flow -Name 'Never' -PlannedCompletionTime 600 -Responsible 1 -WhatIf
        $flow | Set-B24Flow -Description 'x' -WhatIf
        $flow | Switch-B24Flow -WhatIf
        $flow | Disable-B24Flow -WhatIf
        $flow | Remove-B24Flow -WhatIf
        $flow | Remove-B24Flow -Force -WhatIf
        $flow | Add-B24FlowPin -WhatIf
        $flow | Remove-B24FlowPin -WhatIf
        Get-WriteCount $emulator | Should -Be $writes
        Test-B24Flow -Name 'Never' | Should -BeFalse
        (Get-B24Flow -Id $off.Id).Active | Should -BeFalse
    }

    It 'completes DistributionType values' {
        $line = 'New-B24Flow -DistributionType Q'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'Queue'
    }
}
