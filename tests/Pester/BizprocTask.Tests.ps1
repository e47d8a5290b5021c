#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Workflow tasks in real pwsh: list, complete and delegate, in bulk and from the pipeline, against an emulator
# at the portal's limits (2 requests/s, burst 50) whose templates hold approval, review and request steps.

Describe 'Workflow tasks' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 0 -ExtraArguments @('--seed-bizproc-tasks', '300', '--seed-users', '10')
        $null = Initialize-TestSession $emulator

        function Add-TaskTemplate([hashtable[]] $Steps, [int] $Workflows = 1, [string] $Name = "Steps $(Get-Random)") {
            $seed = @{ taskTemplates = @(@{ name = $Name; entity = 'CCrmDocumentDeal'; steps = $Steps }) } | ConvertTo-Json -Depth 8
            $template = (Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body $seed -ContentType 'application/json').taskTemplateIds[0]
            $start = @{ workflows = $Workflows; templateId = $template } | ConvertTo-Json
            $started = (Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body $start -ContentType 'application/json').workflowIds
            [pscustomobject]@{ TemplateId = $template; WorkflowIds = @($started) }
        }
        function Get-Requests { (Get-EmulatorStats $emulator).totalRequests }
    }

    AfterAll {
        Disconnect-B24 -ErrorAction SilentlyContinue
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'completes 300 running approvals from the pipeline in at most 10 requests: none left, none twice, no 503' {
        $before = Get-EmulatorStats $emulator
        $running = @(Get-B24BizprocTask -Status Running -Select ID).Count
        $running | Should -Be 300
        $listed = (Get-EmulatorStats $emulator).totalRequests

        $errors = $null
        $done = Get-B24BizprocTask -Status Running |
            Complete-B24BizprocTask -Status Approved -Comment 'ok' -Confirm:$false -PassThru -ErrorVariable errors

        $after = Get-EmulatorStats $emulator
        $after.totalRequests - $listed | Should -BeLessOrEqual 10
        $errors | Should -BeNullOrEmpty
        $done.Count | Should -Be 300
        ($done | Sort-Object -Unique).Count | Should -Be 300
        $after.writesByMethod.'bizproc.task.complete' - [int]$before.writesByMethod.'bizproc.task.complete' | Should -Be 300
        $after.sent503 | Should -Be 0
        @(Get-B24BizprocTask -Status Running).Count | Should -Be 0
        # Each approval was the workflow's only step: the workflows finished.
        @(Get-B24Workflow).Count | Should -Be 0
    }

    It 'delegates 120 tasks of one user in at most 3 requests, listing included, and they then belong to the new user' {
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body '{"bizprocTasks":120}' -ContentType 'application/json'
        $before = Get-Requests
        $moved = Get-B24BizprocTask -UserId 1 -Status Running | Move-B24BizprocTask -ToUserId 2 -Confirm:$false -PassThru
        (Get-Requests) - $before | Should -BeLessOrEqual 3
        $moved.Count | Should -Be 120
        @(Get-B24BizprocTask -UserId 1 -Status Running).Count | Should -Be 0
        $mine = @(Get-B24BizprocTask -UserId 2 -Status Running)
        $mine.Count | Should -Be 120
        $mine.UserId | Sort-Object -Unique | Should -Be 2
    }

    It 'refuses to complete a task of someone else with the portal''s ERROR_TASK_NOT_FOUND' {
        $task = Get-B24BizprocTask -UserId 2 -Status Running -First 1
        { $task | Complete-B24BizprocTask -Status Approved -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_TASK_NOT_FOUND,Bitrix24.PowerShell.Commands.CompleteB24BizprocTaskCommand'
        $error[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $error[0].ErrorDetails.RecommendedAction | Should -BeLike '*own*Move-B24BizprocTask*'
    }

    It 'checks a piped task''s type locally: an approval cannot be Acknowledged, and nothing is sent' {
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body '{"bizprocTasks":3}' -ContentType 'application/json'
        $tasks = @(Get-B24BizprocTask -UserId 1 -Status Running)
        $tasks[0].AllowedStatuses | Should -Be @('Approved', 'Rejected')
        $before = Get-Requests
        $errors = $null
        $tasks | Complete-B24BizprocTask -Status Acknowledged -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        (Get-Requests) | Should -Be $before
        $errors.Count | Should -Be 3
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'INVALID_ARGUMENT,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be $tasks[0].Id
        "$($errors[0])" | Should -BeLike '*approval*Approved or Rejected, not Acknowledged*'
        # By id alone the type is unknown: the portal answers with its own check.
        { Complete-B24BizprocTask -TaskId $tasks[0].Id -Status Acknowledged -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_TASK_VALIDATION,*'
    }

    It 'wants the comment a task requires: locally for a piped task, from the portal by id' {
        $seeded = Add-TaskTemplate -Workflows 2 -Steps @(@{ type = 'approve'; title = 'Sign off'; users = @(1); commentRequired = 'YR' })
        $tasks = @(Get-B24BizprocTask -WorkflowId $seeded.WorkflowIds -Status Running)
        $tasks.Count | Should -Be 2
        $before = Get-Requests
        { $tasks[0] | Complete-B24BizprocTask -Status Rejected -Confirm:$false -ErrorAction Stop } | Should -Throw '*requires a comment*-Comment*'
        (Get-Requests) | Should -Be $before
        { Complete-B24BizprocTask -TaskId $tasks[1].Id -Status Rejected -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_TASK_EXECUTION,*'
        # Approval needs none under YR.
        $tasks[0] | Complete-B24BizprocTask -Status Approved -Confirm:$false -PassThru | Should -Be $tasks[0].Id
    }

    It 'answers a request for information: fields checked against PARAMETERS.Fields, a file sent from a path' {
        $fields = @(
            @{ id = 'phone'; type = 'string'; name = 'Phone'; required = $true }
            @{ id = 'count'; type = 'int'; name = 'Count'; required = $false; default = 1 }
            @{ id = 'contract'; type = 'file'; name = 'Contract'; required = $true }
        )
        $seeded = Add-TaskTemplate -Workflows 1 -Steps @(@{ type = 'request'; title = 'Contractor details'; users = @(1); fields = $fields })
        $task = Get-B24BizprocTask -WorkflowId $seeded.WorkflowIds[0] -Status Running
        $task.Activity | Should -Be 'RequestInformationActivity'
        $task.AllowedStatuses | Should -Be 'Acknowledged'
        $task.Parameters.Fields.Id | Should -Be @('phone', 'count', 'contract')
        $task.Parameters.Fields[0].Required | Should -BeTrue
        $answer = $task.NewFieldValues()
        $answer.Keys | Sort-Object | Should -Be @('contract', 'count', 'phone')
        $answer.count | Should -Be 1

        $before = Get-Requests
        { $task | Complete-B24BizprocTask -Status Acknowledged -Fields @{ count = 2 } -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*requires the field 'phone'*"
        { $task | Complete-B24BizprocTask -Status Acknowledged -Fields @{ phone = 'x'; count = 'many'; contract = 'a.pdf' } -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*field 'count' (int)*whole number*'many'*"
        { $task | Complete-B24BizprocTask -Status Acknowledged -Fields @{ phone = 'x'; colour = 'red' } -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*no field 'colour'*'phone', 'count', 'contract'*"
        { $task | Complete-B24BizprocTask -Status Acknowledged -Fields @{ phone = 'x'; contract = (Join-Path $TestDrive 'missing.pdf') } -Confirm:$false -ErrorAction Stop } |
            Should -Throw '*missing.pdf*does not exist*'
        (Get-Requests) | Should -Be $before

        $file = Join-Path $TestDrive 'contract.pdf'
        [IO.File]::WriteAllBytes($file, [byte[]](1..200))
        $answer.phone = '+19991234567'
        $answer.contract = $file
        $task | Complete-B24BizprocTask -Status Acknowledged -Fields $answer -Confirm:$false -PassThru | Should -Be $task.Id
        @(Get-B24BizprocTask -WorkflowId $seeded.WorkflowIds[0] -Status Running).Count | Should -Be 0
        { Get-B24Workflow -Id $seeded.WorkflowIds[0] -ErrorAction Stop } | Should -Throw -ErrorId 'WorkflowNotFound,*'   # its only step is done
    }

    It 'moves a workflow on when the last task of a step completes' {
        $seeded = Add-TaskTemplate -Workflows 1 -Steps @(
            @{ type = 'approve'; title = 'First'; users = @(1, 3); approveType = 'all' }
            @{ type = 'review'; title = 'Then read'; users = @(1) })
        $workflow = $seeded.WorkflowIds[0]
        $first = @(Get-B24BizprocTask -WorkflowId $workflow -AllUsers -Status Running)
        $first.Count | Should -Be 2
        $first | Where-Object UserId -EQ 1 | Complete-B24BizprocTask -Status Approved -Confirm:$false
        @(Get-B24BizprocTask -WorkflowId $workflow -AllUsers -Status Running).Name | Should -Be 'First'
        # User 3's share goes to user 1 (an administrator delegates anyone's), who approves it too.
        $first | Where-Object UserId -EQ 3 | Move-B24BizprocTask -ToUserId 1 -Confirm:$false
        Get-B24BizprocTask -WorkflowId $workflow -Status Running | Complete-B24BizprocTask -Status Approved -Confirm:$false
        $review = Get-B24BizprocTask -WorkflowId $workflow -Status Running
        $review.Name | Should -Be 'Then read'
        $review.AllowedStatuses | Should -Be 'Acknowledged'
        $review | Complete-B24BizprocTask -Status Acknowledged -Confirm:$false
        { Get-B24Workflow -Id $workflow -ErrorAction Stop } | Should -Throw -ErrorId 'WorkflowNotFound,*'
    }

    It 'surfaces the delegation rules as ERROR_DELEGATION_NOT_ALLOWED with what to do' {
        $seeded = Add-TaskTemplate -Workflows 1 -Steps @(@{ type = 'approve'; title = 'Mine only'; users = @(1); delegation = 'noOne' })
        $task = Get-B24BizprocTask -WorkflowId $seeded.WorkflowIds[0] -Status Running
        $errors = $null
        $task | Move-B24BizprocTask -ToUserId 2 -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ERROR_DELEGATION_NOT_ALLOWED,*'
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        "$($errors[0])" | Should -BeLike '*not allowed*'
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*subordinates only, everyone or no one*'
        (Get-B24BizprocTask -WorkflowId $seeded.WorkflowIds[0] -Status Running).UserId | Should -Be 1

        $subordinates = Add-TaskTemplate -Workflows 1 -Steps @(@{ type = 'approve'; title = 'Down the line'; users = @(1); delegation = 'subordinates' })
        $pending = Get-B24BizprocTask -WorkflowId $subordinates.WorkflowIds[0] -Status Running
        # User 2 reports to user 1; user 3 does not.
        { $pending | Move-B24BizprocTask -ToUserId 3 -Confirm:$false -ErrorAction Stop } | Should -Throw '*only be delegated to subordinates*'
        $pending | Move-B24BizprocTask -ToUserId 2 -Confirm:$false -PassThru | Should -Be $pending.Id

        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body '{"extranetUsers":[4]}' -ContentType 'application/json'
        { $task | Move-B24BizprocTask -ToUserId 4 -Confirm:$false -ErrorAction Stop } | Should -Throw '*only available for intranet users*'
        { $task | Move-B24BizprocTask -ToUserId 9999 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_INVALID_USER_ID,*'
    }

    It 'names exactly the tasks a partly refused delegation left behind, and still writes the moved ones' {
        $kept = Add-TaskTemplate -Workflows 2 -Steps @(@{ type = 'approve'; title = 'Stays'; users = @(1); delegation = 'noOne' })
        $free = Add-TaskTemplate -Workflows 3 -Steps @(@{ type = 'approve'; title = 'Goes'; users = @(1) })
        $tasks = @(Get-B24BizprocTask -WorkflowId ($kept.WorkflowIds + $free.WorkflowIds) -Status Running)
        $tasks.Count | Should -Be 5
        $errors = $null
        $moved = $tasks | Move-B24BizprocTask -ToUserId 2 -Confirm:$false -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue
        $stays = @($tasks | Where-Object Name -EQ 'Stays' | ForEach-Object Id)
        ($moved | Sort-Object) | Should -Be @($tasks | Where-Object Name -EQ 'Goes' | ForEach-Object Id | Sort-Object)
        $errors.Count | Should -Be 1
        ($errors[0].TargetObject | Sort-Object) | Should -Be ($stays | Sort-Object)
        "$($errors[0])" | Should -BeLike '*2 of 5 tasks of user 1 were not delegated*not allowed*the other 3 were*'
    }

    It 'sends nothing with -WhatIf' {
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body '{"bizprocTasks":2}' -ContentType 'application/json'
        $tasks = @(Get-B24BizprocTask -UserId 1 -Status Running -Activity ApproveActivity)
        $writes = Get-WriteCount $emulator
        $tasks | Complete-B24BizprocTask -Status Approved -WhatIf
        $tasks | Move-B24BizprocTask -ToUserId 2 -WhatIf
        Get-WriteCount $emulator | Should -Be $writes
    }

    It 'pipes Get-B24Workflow into Get-B24BizprocTask and filters by status, type and template' {
        $seeded = Add-TaskTemplate -Workflows 3 -Steps @(@{ type = 'review'; title = 'Read me'; users = @(1) })
        $tasks = @(Get-B24Workflow -TemplateId $seeded.TemplateId | Get-B24BizprocTask)
        $tasks.Count | Should -Be 3
        ($tasks.WorkflowId | Sort-Object) | Should -Be ($seeded.WorkflowIds | Sort-Object)
        @(Get-B24BizprocTask -TemplateId $seeded.TemplateId -Activity ReviewActivity -Status Running).Count | Should -Be 3
        @(Get-B24BizprocTask -TemplateId $seeded.TemplateId -Activity ApproveActivity).Count | Should -Be 0
        @(Get-B24BizprocTask -TemplateId $seeded.TemplateId -Status Approved).Count | Should -Be 0
        (Get-B24BizprocTask -TemplateId $seeded.TemplateId -First 1 -Select ID, NAME).PSObject.Properties['Name'].Value | Should -Be 'Read me'
    }

    It 'rejects a bad workflow id, user id or status at binding, before anything is sent' {
        $before = Get-Requests
        { Get-B24BizprocTask -WorkflowId 'not-a-workflow' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Get-B24BizprocTask -UserId 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Complete-B24BizprocTask -TaskId 1 -Status Maybe -ErrorAction Stop } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage*'
        { Move-B24BizprocTask -TaskId -5 -ToUserId 2 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        (Get-Requests) | Should -Be $before
    }

    It 'formats as a table within 120 columns and exports without type names' {
        $tasks = @(Get-B24BizprocTask -AllUsers -First 5)
        $text = $tasks | Out-String -Width 120
        ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $text | Should -Match 'ApproveActivity|ReviewActivity'
        $csv = $tasks | ConvertTo-Csv | Out-String
        $csv | Should -Not -Match 'System\.Collections|Bitrix24\.Client|JsonElement'
        ($tasks[0] | ConvertTo-Csv | ConvertFrom-Csv).AllowedStatuses | Should -Be ($tasks[0].AllowedStatuses -join ',')
        $json = $tasks[0] | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $json.Id | Should -Be $tasks[0].Id
        $json.Parameters.CommentRequired | Should -Not -BeNullOrEmpty
        "$($tasks[0])" | Should -Be "$($tasks[0].Id) $($tasks[0].Name)"
    }

    It 'tab-completes -Activity and -Status' {
        $line = 'Get-B24BizprocTask -Activity Req'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('RequestInformationActivity', 'RequestInformationOptionalActivity')
        $line = 'Complete-B24BizprocTask -Status Ac'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Acknowledged'
    }
}
