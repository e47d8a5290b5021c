#Requires -Version 7.0

Describe 'Get-B24Workflow, Start-B24Workflow, Stop-B24Workflow, Remove-B24Workflow' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 1000
        Initialize-TestSession $emulator
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    Context 'Stopping every running workflow (the headline)' {
        BeforeAll {
            Reset-Emulator $emulator
            Get-B24Workflow | Stop-B24Workflow -Confirm:$false
            $stats = Get-EmulatorStats $emulator
        }

        It 'leaves no workflow running' {
            @(Get-B24Workflow).Count | Should -Be 0
        }

        It 'terminates each of the 1,000 workflows once' {
            $stats.callsByMethod.'bizproc.workflow.terminate' | Should -Be 1000
        }

        It 'stays within the rate limit and needs few requests' {
            $stats.sent503 | Should -Be 0
            $stats.totalRequests | Should -BeLessOrEqual 30
        }
    }

    Context 'WhatIf' {
        BeforeAll { Reset-Emulator $emulator }

        It 'Stop-B24Workflow -WhatIf sends no terminate request' {
            Get-B24Workflow -First 60 | Stop-B24Workflow -WhatIf
            Get-CallCount $emulator 'bizproc.workflow.terminate' | Should -Be 0
            @(Get-B24Workflow).Count | Should -Be 1000
        }

        It 'Remove-B24Workflow -WhatIf sends no kill request' {
            Get-B24Workflow -First 60 | Remove-B24Workflow -WhatIf
            Get-CallCount $emulator 'bizproc.workflow.kill' | Should -Be 0
            @(Get-B24Workflow).Count | Should -Be 1000
        }
    }

    Context 'Errors' {
        BeforeAll {
            Reset-Emulator $emulator
            # The emulator's control API names the webhook of user 2, who is not an administrator.
            $nonAdminWebhook = (Get-EmulatorWebhooks $emulator).nonAdmin
            $nonAdmin = Connect-B24 -Url $nonAdminWebhook -PassThru
            Connect-B24 -Url $emulator.Webhook
        }

        It 'reports ACCESS_DENIED with the Bitrix24 code in FullyQualifiedErrorId, to -ErrorVariable' {
            Get-B24Workflow -Connection $nonAdmin -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand'
            "$($failures[0])".Contains(([Uri]$nonAdminWebhook).Segments[-1].TrimEnd('/')) | Should -BeFalse
        }

        It 'makes ACCESS_DENIED catchable with -ErrorAction Stop' {
            { Get-B24Workflow -Connection $nonAdmin -ErrorAction Stop } |
                Should -Throw -ErrorId 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand'
        }

        It 'makes ACCESS_DENIED catchable under $ErrorActionPreference = Stop, by FullyQualifiedErrorId' {
            $caught = & {
                $ErrorActionPreference = 'Stop'
                try { Get-B24Workflow -Connection $nonAdmin; 'nothing thrown' }
                catch { if ($_.FullyQualifiedErrorId -like 'ACCESS_DENIED,*') { 'caught ACCESS_DENIED' } else { $_.FullyQualifiedErrorId } }
            }
            $caught | Should -Be 'caught ACCESS_DENIED'
        }

        It 'reports each bad id in a pipeline once and still stops the good ones' {
            $good = @(Get-B24Workflow -First 3 | ForEach-Object Id)
            $bad = 'ffffffffffffff.00000001', 'ffffffffffffff.00000002'
            $ids = $good[0], $bad[0], $good[1], $bad[1], $good[2]

            $stopped = $ids | Stop-B24Workflow -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

            $stopped | Should -HaveCount 3
            $failures | Should -HaveCount 2
            @($failures | ForEach-Object TargetObject) | Should -Be $bad
            foreach ($failure in $failures) {
                $failure.FullyQualifiedErrorId | Should -BeLike '*,Bitrix24.PowerShell.Commands.StopB24WorkflowCommand'
            }
            foreach ($id in $good) {
                @(Get-B24Workflow -Id $id -ErrorAction SilentlyContinue -ErrorVariable gone).Count | Should -Be 0
                $gone.FullyQualifiedErrorId | Should -Be 'WorkflowNotFound,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand'
            }
            @(Get-B24Workflow).Count | Should -Be 997
        }

        It 'rejects input that is no workflow id at binding, alone, without sending it' {
            $good = @(Get-B24Workflow -First 1 | ForEach-Object Id)
            $stopped = @(' ', 'LEAD_1', $good[0]) | Stop-B24Workflow -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

            $stopped | Should -Be $good
            $failures | Should -HaveCount 2
            foreach ($failure in $failures) {
                $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
            }
        }
    }

    Context 'Paging' {
        BeforeAll {
            Reset-Emulator $emulator
            $firstFive = @(Get-B24Workflow -First 5)
        }

        It 'returns only -First rows' {
            $firstFive | Should -HaveCount 5
        }

        It 'continues after -Skip in the same order' {
            $page = @(Get-B24Workflow -Skip 3 -First 2)
            $page | Should -HaveCount 2
            $page[0].Id | Should -Be $firstFive[3].Id
            $page[1].Id | Should -Be $firstFive[4].Id
            @(Get-B24Workflow -Skip 995) | Should -HaveCount 5
        }

        It 'writes the total first with -IncludeTotalCount' {
            $output = @(Get-B24Workflow -IncludeTotalCount -First 2)
            $output | Should -HaveCount 3
            [int64]$output[0] | Should -Be 1000
            $output[1].Id | Should -Be $firstFive[0].Id
        }

        It 'filters by template, document and starter' {
            $sample = $firstFive[0]
            $byTemplate = @(Get-B24Workflow -TemplateId $sample.TemplateId)
            $byTemplate.Count | Should -BeGreaterThan 0
            @($byTemplate | Where-Object TemplateId -ne $sample.TemplateId).Count | Should -Be 0

            $byDocument = @(Get-B24Workflow -DocumentId $sample.ModuleId, $sample.Entity, $sample.DocumentId)
            $byDocument.Id | Should -Contain $sample.Id
            @($byDocument | Where-Object DocumentId -ne $sample.DocumentId).Count | Should -Be 0

            $byStarter = @(Get-B24Workflow -StartedBy $sample.StartedBy)
            $byStarter.Id | Should -Contain $sample.Id
            @($byStarter | Where-Object StartedBy -ne $sample.StartedBy).Count | Should -Be 0
        }

        It 'stops listing when Select-Object -First 5 has what it needs' {
            # 3,000 workflows: a full listing takes two requests of 2,500 rows.
            $more = { $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body '{"workflows":2000}' -ContentType 'application/json' }
            Reset-Emulator $emulator
            & $more
            @(Get-B24Workflow) | Should -HaveCount 3000
            $full = (Get-EmulatorStats $emulator).totalRequests

            Reset-Emulator $emulator
            & $more
            $five = @(Get-B24Workflow | Select-Object -First 5)
            $early = (Get-EmulatorStats $emulator).totalRequests
            Reset-Emulator $emulator

            $full | Should -Be 2
            $five | Should -HaveCount 5
            $early | Should -Be 1
        }
    }

    Context 'Starting workflows' {
        BeforeAll {
            Reset-Emulator $emulator
            # Templates and documents that exist on the portal: those of two running workflows.
            $samples = @(Get-B24Workflow -First 2)
            $documents = @($samples | ForEach-Object { '{0}|{1}|{2}' -f $_.ModuleId, $_.Entity, $_.DocumentId })
        }

        It 'starts workflows from objects and rejects a bad document id before sending it' {
            Reset-Emulator $emulator
            $rows = @(
                [pscustomobject]@{ TemplateId = $samples[0].TemplateId; DocumentId = $documents[0] }
                [pscustomobject]@{ TemplateId = $samples[0].TemplateId; DocumentId = 'LEAD_1' }
                [pscustomobject]@{ TemplateId = $samples[1].TemplateId; DocumentId = $documents[1] }
            )
            $started = @($rows | Start-B24Workflow -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures)

            $started | Should -HaveCount 2
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'INVALID_ARGUMENT,*'
            Get-CallCount $emulator 'bizproc.workflow.start' | Should -Be 2
            $started[0].TemplateId | Should -Be $samples[0].TemplateId
            $started[1].TemplateId | Should -Be $samples[1].TemplateId
            foreach ($workflow in $started) {
                @(Get-B24Workflow -Id $workflow.Id) | Should -HaveCount 1
            }
        }

        It 'starts one workflow per row of a CSV file read with Import-Csv' {
            Reset-Emulator $emulator
            $csv = Join-Path $TestDrive 'start.csv'
            @(
                [pscustomobject]@{ TemplateId = $samples[0].TemplateId; DocumentId = $documents[0] }
                [pscustomobject]@{ TemplateId = $samples[1].TemplateId; DocumentId = $documents[1] }
            ) | Export-Csv -Path $csv -NoTypeInformation

            $started = @(Import-Csv -Path $csv | Start-B24Workflow -Confirm:$false)

            $started | Should -HaveCount 2
            Get-CallCount $emulator 'bizproc.workflow.start' | Should -Be 2
            $started.TemplateId | Should -Be @($samples[0].TemplateId, $samples[1].TemplateId)
        }

        It 'passes nested and non-ASCII parameters' {
            $parameters = @{ Comment = 'Проверка договора'; Amounts = @(1, 2); Flag = $true }
            $started = Start-B24Workflow -TemplateId $samples[0].TemplateId -DocumentId $documents[0] -Parameters $parameters -Confirm:$false
            $started | Should -HaveCount 1
            $started.Id | Should -Not -BeNullOrEmpty
        }
    }

    Context 'Parallel runspaces share one connection and one portal rate limit' {
        BeforeAll {
            Reset-Emulator $emulator
            $connection = Get-B24Connection
        }

        It 'ForEach-Object -Parallel stops every workflow through the one connection, without a 503' {
            $ids = @(Get-B24Workflow | ForEach-Object Id)
            $chunks = for ($i = 0; $i -lt $ids.Count; $i += 250) { , $ids[$i..([Math]::Min($i + 249, $ids.Count - 1))] }

            $stopped = $chunks | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:ManifestPath   # each runspace imports the module; the connection is shared
                $_ | Stop-B24Workflow -Connection $using:connection -PassThru -Confirm:$false
            }

            @($stopped) | Should -HaveCount 1000
            $stats = Get-EmulatorStats $emulator
            $stats.sent503 | Should -Be 0
            $stats.callsByMethod.'bizproc.workflow.terminate' | Should -Be 1000
        }

        It 'Start-ThreadJob jobs share it too, without a 503' {
            Reset-Emulator $emulator
            $jobs = 1..4 | ForEach-Object {
                Start-ThreadJob -ArgumentList $ManifestPath, $connection, $_ -ScriptBlock {
                    param($manifest, $connection, $slice)
                    Import-Module $manifest
                    @(Get-B24Workflow -Connection $connection -Skip (($slice - 1) * 100) -First 100).Count
                }
            }
            $counts = $jobs | Receive-Job -Wait -AutoRemoveJob

            $counts | Should -Be @(100, 100, 100, 100)
            (Get-EmulatorStats $emulator).sent503 | Should -Be 0
        }
    }

    Context 'Output objects in files' {
        BeforeAll {
            Reset-Emulator $emulator
            $workflows = @(Get-B24Workflow -First 3)
        }

        It 'exports workflows to CSV with their id and template' {
            $csv = Join-Path $TestDrive 'workflows.csv'
            $workflows | Export-Csv -Path $csv -NoTypeInformation
            $rows = @(Import-Csv -Path $csv)

            $rows | Should -HaveCount 3
            $rows.Id | Should -Be $workflows.Id
            $rows.TemplateId | Should -Be @($workflows | ForEach-Object { "$($_.TemplateId)" })
        }

        It 'converts workflows to JSON that reads back with the same ids' {
            $back = $workflows | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue | ConvertFrom-Json
            @($back) | Should -HaveCount 3
            $back.Id | Should -Be $workflows.Id
        }

        It 'reads a CSV of ids back into Stop-B24Workflow' {
            $csv = Join-Path $TestDrive 'ids.csv'
            $workflows | Select-Object Id | Export-Csv -Path $csv -NoTypeInformation
            $stopped = @(Import-Csv -Path $csv | Stop-B24Workflow -PassThru -Confirm:$false)
            $stopped | Should -HaveCount 3
            Get-CallCount $emulator 'bizproc.workflow.terminate' | Should -Be 3
        }
    }
}
