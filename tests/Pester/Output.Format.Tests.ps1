#Requires -Version 7.0
# The shell experience of every output type: default views that fit 120 columns, objects that hold each
# portal field once and export cleanly, ToString that prints something useful.

BeforeDiscovery {
    # Every type a cmdlet of the module declares it writes, apart from PowerShell's own general ones.
    $manifest = Join-Path $PSScriptRoot '../../out/Bitrix24/Bitrix24.psd1'
    $module = Import-Module $manifest -Force -PassThru
    $script:outputTypes = $module.ExportedCmdlets.Values |
        ForEach-Object { $_.OutputType.Name } |
        Where-Object { $_ -and $_ -notmatch '^System\.' } |
        Sort-Object -Unique |
        ForEach-Object { @{ TypeName = $_ } }
}

Describe 'Output types' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ShellEmulator.ps1')
        $emulator = Start-ShellEmulator
        Connect-B24 -Url $emulator.Webhook
        $workflows = Get-B24Workflow -First 5
        $templates = Get-B24WorkflowTemplate
        $users = Get-B24User -First 5
        $flows = @(New-B24Flow -Name 'Csv flow' -PlannedCompletionTime 3600 -Responsible 1 -ResponsibleDepartment 3 -ExcludeSubdepartments -EveryoneCanCreateTasks)
        $tasks = @(Add-B24Task -Title 'Csv task' -ResponsibleId 1 -Auditors 1, 2 -Tags a, b -CrmBinding deal:10 -Priority High | Get-B24Task -Select ID, TITLE, RESPONSIBLE_ID, AUDITORS, TAGS, UF_CRM_TASK, PRIORITY, STATUS)
    }
    AfterAll { Stop-ShellEmulator $emulator }

    It 'declares some output types to check' {
        $outputTypes.Count | Should -BeGreaterThan 3
    }

    It '<TypeName> has a default view' -ForEach $outputTypes {
        Get-FormatData -TypeName $TypeName | Should -Not -BeNullOrEmpty -Because "every output type needs a view"
    }

    Context 'Tables fit 120 columns and cut no id or date' {
        It 'Get-B24Workflow' {
            $text = $workflows | Out-String -Width 120
            $text | Should -Not -Match '…'
            ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
            foreach ($wf in $workflows) {
                $text | Should -Match ([regex]::Escape($wf.Id))
                $text | Should -Match ([regex]::Escape($wf.Started.ToString()))
            }
        }
        It 'Get-B24WorkflowTemplate shows AutoExecute as a word' {
            $text = $templates | Out-String -Width 120
            ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
            $text | Should -Match 'OnCreate|None'
            $text | Should -Not -Match '…\s*$'
            $templates[0].AutoExecute.GetType().Name | Should -Be 'WorkflowAutoExecute'
            [int]$templates[0].AutoExecute | Should -BeIn 0, 1, 2, 3
        }
        It 'Get-B24User' {
            $text = $users | Out-String -Width 120
            ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
            foreach ($user in $users) { $text | Should -Match ([regex]::Escape($user.Email)) }
        }
        It 'Get-B24Connection is a list that masks the code' {
            $text = Get-B24Connection | Out-String -Width 120
            $text | Should -Match 'Endpoint\s+: http'
            $text | Should -Not -Match ([regex]::Escape($emulator.Code))
        }
    }

    Context 'Objects hold each portal field once and export cleanly' {
        It 'no internals in Format-List *' {
            foreach ($item in @($workflows[0], $templates[0], $users[0])) {
                $text = $item | Format-List * | Out-String
                $text | Should -Not -Match 'ExtensionData|AdditionalFields'
            }
        }
        It 'Export-Csv writes values, never type names' {
            foreach ($set in @($workflows, $templates, $users, $flows, $tasks)) {
                $csv = $set | ConvertTo-Csv | Out-String
                $csv | Should -Not -Match 'System\.|Bitrix24\.Client|JsonElement'
            }
        }
        It 'task lists export as Add-B24Task reads them, people by name and id' {
            $row = $tasks[0] | ConvertTo-Csv | ConvertFrom-Csv
            ($row.Auditors, $row.Tags, $row.UfCrmTask) | Should -Be @('1,2', 'a,b', 'D_10')
            $row.Responsible | Should -Match '^.+ \(1\)$'
            ($row.Priority, $row.Status) | Should -Be @('High', 'Pending')
            # and the row goes back in: a copy of the task, named values bound as they are
            ($row | Select-Object Title, ResponsibleId, Priority | Add-B24Task).Priority | Should -Be 'High'
        }
        It 'flow members are type:id, departments without sub-departments keep :F' {
            ($flows[0] | ConvertTo-Csv | ConvertFrom-Csv).ResponsibleList | Should -Be 'user:1,department:3:F'
            $flows[0].TaskCreators[0].Type | Should -Be 'meta-user'
            ($flows[0] | ConvertTo-Json -Depth 3 | ConvertFrom-Json).ResponsibleList[1].Id | Should -Be '3:F'
        }
        It 'user departments are a list that exports as "1,3"' {
            $user = $users | Select-Object -First 1
            $user.Departments.Count | Should -BeGreaterThan 0
            $user.Departments[0] | Should -BeOfType [int]
            ($user | ConvertTo-Csv | ConvertFrom-Csv).Departments | Should -Be ($user.Departments -join ',')
            ($user | ConvertTo-Json | ConvertFrom-Json).Departments | Should -Be $user.Departments
        }
        It 'custom UF_* fields are properties, once in JSON' {
            $user = $users | Select-Object -First 1
            $user.PSObject.Properties.Name | Should -Contain 'UF_EMPLOYMENT_DATE'
            $json = $user | ConvertTo-Json -Depth 5
            ([regex]::Matches($json, '"UF_EMPLOYMENT_DATE"')).Count | Should -Be 1
            ([regex]::Matches($json, '"Email"')).Count | Should -Be 1
            $json | Should -Not -Match 'ExtensionData|AdditionalFields'
        }
        It 'the connection shows what describes it, never the code, and no nested options or credential' {
            $connection = Get-B24Connection
            $clean = @('Portal', 'UserId', 'AuthType', 'IsApplicationContext', 'Endpoint', 'TokenCachePath')
            $connection.PSObject.Properties.Name | Should -Be $clean

            $list = $connection | Out-String -Width 120
            $list | Should -Match 'Limits\s+: 2 req/s, burst 50, 5 retries'
            $list | Should -Not -Match 'TokenCache'   # a webhook has none: the row is left out

            $json = $connection | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
            ($json | ConvertFrom-Json).PSObject.Properties.Name | Should -Be $clean
            $json | Should -Not -Match 'Ticks|UserAgent|"Log"'

            $csv = Join-Path $TestDrive 'connection.csv'
            $connection | Export-Csv -Path $csv -NoTypeInformation
            $row = Import-Csv -Path $csv
            $row.PSObject.Properties.Name | Should -Be $clean
            $row.Endpoint | Should -Be "$($emulator.Base)/rest/1/***/"
            (Get-Content -Raw $csv) | Should -Not -Match 'System\.|Bitrix24\.Client'

            foreach ($text in @($list, $json, (Get-Content -Raw $csv), ($connection | Format-List * | Out-String))) {
                $text.Contains($emulator.Code) | Should -BeFalse
            }
        }
    }

    Context 'ToString prints something useful' {
        It 'a workflow is its id' { "$($workflows[0])" | Should -Be $workflows[0].Id }
        It 'a template is its id and name' { "$($templates[0])" | Should -Be "$($templates[0].Id) $($templates[0].Name)" }
        It 'a user is its id and name' { "$($users[0])" | Should -Be "$($users[0].Id) $($users[0].DisplayName)" }
    }
}
