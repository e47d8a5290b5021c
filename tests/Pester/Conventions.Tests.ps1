#Requires -Version 7.0

# Shell conventions every cmdlet family keeps: ids refused at binding (naming the parameter, nothing sent), a
# lookup that finds nothing writes ObjectNotFound (as Get-Item does), progress that ends with a Completed record.

Describe 'Shell conventions' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 120
        Initialize-TestSession $emulator

        # Runs a script in a runspace of this pwsh (the module imported and connected there) and returns its
        # progress records: redirection cannot capture the progress stream, a nested PowerShell can.
        function Get-ProgressOf([string] $Script) {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ManifestPath'; Connect-B24 -Url '$($emulator.Webhook)'; $Script")
                $null = $ps.Invoke()
                if ($ps.HadErrors) { throw ($ps.Streams.Error | Select-Object -First 1) }
                @($ps.Streams.Progress)
            }
            finally { $ps.Dispose() }
        }
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    Context 'ids of the wrong sign or type are refused at binding, naming the parameter' {
        It '<Command> <Parameter> <Value>' -ForEach @(
            @{ Command = 'Get-B24User'; Parameter = 'Id'; Value = -5 }
            @{ Command = 'Get-B24User'; Parameter = 'Id'; Value = 'abc' }
            @{ Command = 'Get-B24Workflow'; Parameter = 'Id'; Value = 'x' }
            @{ Command = 'Get-B24Workflow'; Parameter = 'TemplateId'; Value = -1 }
            @{ Command = 'Get-B24Workflow'; Parameter = 'StartedBy'; Value = -1 }
            @{ Command = 'Get-B24WorkflowTemplate'; Parameter = 'Id'; Value = -2 }
            @{ Command = 'Get-B24Flow'; Parameter = 'Id'; Value = 0 }
            @{ Command = 'Get-B24Task'; Parameter = 'Id'; Value = 'seven' }
            @{ Command = 'Get-B24Task'; Parameter = 'ResponsibleId'; Value = -3 }
        ) {
            $before = (Get-EmulatorStats $emulator).totalRequests
            $arguments = @{ $Parameter = $Value }
            $caught = try { & $Command @arguments -ErrorAction Stop; $null } catch { $_ }
            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -Match "^(ParameterArgumentValidationError|ParameterArgumentTransformationError|CannotConvertArgumentNoMessage),"
            "$caught" | Should -Match "parameter '$Parameter'"
            (Get-EmulatorStats $emulator).totalRequests | Should -Be $before
        }
    }

    Context 'a lookup by id that finds nothing writes ObjectNotFound' {
        It '<Command> -Id <Id>' -ForEach @(
            @{ Command = 'Get-B24Flow'; Id = 987654; ErrorId = 'FlowNotFound' }
            @{ Command = 'Get-B24Task'; Id = 987654; ErrorId = 'TaskNotFound' }
            @{ Command = 'Get-B24User'; Id = 987654; ErrorId = 'UserNotFound' }
            @{ Command = 'Get-B24WorkflowTemplate'; Id = 987654; ErrorId = 'WorkflowTemplateNotFound' }
            @{ Command = 'Get-B24Workflow'; Id = 'ffffffffffffff.99999999'; ErrorId = 'WorkflowNotFound' }
        ) {
            $found = & $Command -Id $Id -ErrorAction SilentlyContinue -ErrorVariable failures
            $found | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,Bitrix24.PowerShell.Commands.$($Command -replace '-')Command"
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be $Id
            $failures[0].Exception | Should -BeOfType [System.Management.Automation.ItemNotFoundException]
        }

        It 'reports only the missing ones of several ids, and throws under -ErrorAction Stop' {
            $users = @(Get-B24User -Id 1, 987654, 2 -ErrorAction SilentlyContinue -ErrorVariable failures)
            $users.Id | Should -Be @(1, 2)
            $failures.TargetObject | Should -Be @(987654)
            { Get-B24Flow -Id 987654 -ErrorAction Stop } | Should -Throw -ErrorId 'FlowNotFound,*'
        }
    }

    Context 'progress' {
        It 'a listing shows rows of the total under an activity naming the method, and completes' {
            $records = @(Get-ProgressOf 'Get-B24Workflow | Out-Null')
            $records | Should -Not -BeNullOrEmpty
            $records.Activity | Select-Object -Unique | Should -Be 'Get-B24Workflow: bizproc.workflow.instances'
            $processing = @($records | Where-Object RecordType -EQ 'Processing')
            $processing[0].StatusDescription | Should -Be '50 of 120'
            $processing[-1].StatusDescription | Should -Be '120 of 120'
            $records[-1].RecordType | Should -Be 'Completed'
        }

        It '-First caps the total and an empty list shows no bar at all' {
            $first = @(Get-ProgressOf 'Get-B24Workflow -First 60 | Out-Null')
            @($first | Where-Object RecordType -EQ 'Processing')[-1].StatusDescription | Should -Be '60 of 60'
            $first[-1].RecordType | Should -Be 'Completed'
            Get-ProgressOf 'Get-B24Workflow -TemplateId 4 | Out-Null' | Should -BeNullOrEmpty
        }

        It 'bulk work past one batch request shows items done and completes; silent under SilentlyContinue' {
            Get-ProgressOf "`$ProgressPreference = 'SilentlyContinue'; Get-B24Workflow | Out-Null" |
                Should -BeNullOrEmpty
            $records = @(Get-ProgressOf 'Get-B24Workflow | Stop-B24Workflow -Confirm:$false' |
                    Where-Object Activity -Like 'Stop-B24Workflow*')
            $records.Activity | Select-Object -Unique | Should -Be 'Stop-B24Workflow: bizproc.workflow.terminate'
            @($records | Where-Object RecordType -EQ 'Processing').StatusDescription | Should -Be @('50 done', '100 done', '120 done')
            $records[-1].RecordType | Should -Be 'Completed'
        }
    }
}
