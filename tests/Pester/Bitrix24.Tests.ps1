#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# End-to-end checks for people with pwsh and Pester 5 (./build.ps1 -Task Test builds first). They run the
# built module from out/Bitrix24 against the emulator started as a separate process, and mirror the
# in-process suite in tests/Bitrix24.PowerShell.Tests, which `dotnet test` runs everywhere.

Describe 'Bitrix24 module against the emulator' {
    BeforeAll {
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $configuration = if ($env:B24_BUILD_CONFIGURATION) { $env:B24_BUILD_CONFIGURATION } else { 'Release' }
        $manifestPath = Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1'
        if (-not (Test-Path $manifestPath)) {
            throw "The module is not built: run ./build.ps1 first (no $manifestPath)."
        }

        # The emulator runs as its own process, as a user would run it; it prints its webhook once it listens.
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $arguments = @(
            'run', '--project', (Join-Path $repoRoot 'tests/Bitrix24.Emulator'), '-c', $configuration, '--no-build', '--',
            '--port', '0', '--seed-workflows', '1000'
        )
        foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
        $startInfo.UseShellExecute = $false
        $startInfo.RedirectStandardOutput = $true
        $startInfo.RedirectStandardError = $true
        $emulator = [System.Diagnostics.Process]::Start($startInfo)
        $emulatorErrors = $emulator.StandardError.ReadToEndAsync()

        $webhook = $null
        $read = $null
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        while (-not $webhook -and [DateTime]::UtcNow -lt $deadline) {
            # One read in flight at a time: a StreamReader refuses a second while the first is pending.
            if (-not $read) { $read = $emulator.StandardOutput.ReadLineAsync() }
            if (-not $read.Wait([TimeSpan]::FromSeconds(5))) { continue }
            $line = $read.Result
            $read = $null
            if ($null -eq $line) { break }   # the process ended before listening
            if ($line -match '^Webhook: (\S+)') { $webhook = $Matches[1] }
        }
        if (-not $webhook) {
            if (-not $emulator.HasExited) { $emulator.Kill($true) }
            $null = $emulatorErrors.Wait([TimeSpan]::FromSeconds(5))
            throw "The emulator did not print its webhook. $($emulatorErrors.Result)"
        }
        # Keep draining stdout so request logging can never fill the pipe and stall the emulator.
        $null = $emulator.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)

        $webhookUri = [Uri]$webhook
        $emulatorBase = $webhookUri.GetLeftPart([UriPartial]::Authority)
        $webhookCode = $webhookUri.Segments[-1].TrimEnd('/')

        function Get-EmulatorStats { Invoke-RestMethod -Uri "$emulatorBase/emulator/stats" }
        function Reset-Emulator { $null = Invoke-RestMethod -Method Post -Uri "$emulatorBase/emulator/reset" }
        function Get-CallCount([string] $Method) {
            $count = (Get-EmulatorStats).callsByMethod.$Method
            if ($null -eq $count) { 0 } else { [int]$count }
        }

        $savedWebhookVariable = $env:B24_WEBHOOK_URL
        $env:B24_WEBHOOK_URL = $null
        Import-Module $manifestPath -Force
        Connect-B24 -Url $webhook
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        $env:B24_WEBHOOK_URL = $savedWebhookVariable
        if ($emulator -and -not $emulator.HasExited) {
            $emulator.Kill($true)
            $null = $emulator.WaitForExit(10000)
        }
    }

    Context 'Module' {
        It 'has a valid manifest' {
            $manifest = Test-ModuleManifest -Path $manifestPath
            $manifest.Name | Should -Be 'Bitrix24'
        }

        It 'exports the eleven cmdlets of this milestone' {
            $expected = 'Connect-B24', 'Disconnect-B24', 'Get-B24Connection', 'Invoke-B24Method', 'Invoke-B24Batch',
                'Get-B24User', 'Get-B24WorkflowTemplate', 'Start-B24Workflow', 'Get-B24Workflow', 'Stop-B24Workflow',
                'Remove-B24Workflow'
            $exported = @(Get-Command -Module Bitrix24 -CommandType Cmdlet | ForEach-Object Name)
            $exported | Should -HaveCount $expected.Count
            foreach ($name in $expected) { $exported | Should -Contain $name }
        }
    }

    Context 'Connection' {
        It 'shows the endpoint with the code masked' {
            $connection = Get-B24Connection
            $connection.UserId | Should -Be 1
            $connection.AuthType | Should -Be 'Webhook'
            $connection.Endpoint | Should -Be "$emulatorBase/rest/1/***/"
            "$connection" | Should -Not -Match ([regex]::Escape($webhookCode))
        }

        It 'never writes the webhook code to the verbose stream' {
            $verbose = Get-B24Workflow -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            @($verbose).Count | Should -BeGreaterThan 0
            ($verbose | ForEach-Object Message) -join "`n" | Should -Not -Match ([regex]::Escape($webhookCode))
        }

        It 'rejects a wrong webhook code with NO_AUTH_FOUND and leaves no current connection' {
            $wrong = $webhook -replace '/[^/]+/$', '/wrongcode0123456789/'
            { Connect-B24 -Url $wrong } | Should -Throw -ErrorId 'NO_AUTH_FOUND,*'
            { Get-B24Connection } | Should -Throw -ErrorId 'NotConnected,*'
            Connect-B24 -Url $webhook
        }

        It 'connects from B24_WEBHOOK_URL when there is no connection, and reports NotConnected without one' {
            try {
                Disconnect-B24
                { Get-B24Connection -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'

                $env:B24_WEBHOOK_URL = $webhook
                Get-B24Workflow -First 1 | Should -HaveCount 1
                (Get-B24Connection).Endpoint | Should -Be "$emulatorBase/rest/1/***/"
            }
            finally {
                $env:B24_WEBHOOK_URL = $null
                Connect-B24 -Url $webhook
            }
        }

        It 'uses -Connection instead of the current connection' {
            $second = Connect-B24 -Url $webhook -PassThru
            Get-B24Workflow -Connection $second -First 2 | Should -HaveCount 2
        }
    }

    Context 'Stopping every running workflow (the headline)' {
        BeforeAll {
            Reset-Emulator
            Get-B24Workflow | Stop-B24Workflow -Confirm:$false
            $stats = Get-EmulatorStats
        }

        It 'leaves no workflow running' {
            @(Get-B24Workflow).Count | Should -Be 0
        }

        It 'terminates each of the 1,000 workflows once' {
            # 1,000 terminate calls and nothing left running: each workflow was terminated exactly once.
            $stats.callsByMethod.'bizproc.workflow.terminate' | Should -Be 1000
        }

        It 'stays within the rate limit and needs few requests' {
            $stats.sent503 | Should -Be 0
            $stats.totalRequests | Should -BeLessOrEqual 30
        }
    }

    Context 'WhatIf' {
        BeforeAll { Reset-Emulator }

        It 'Stop-B24Workflow -WhatIf sends no terminate request' {
            Get-B24Workflow -First 60 | Stop-B24Workflow -WhatIf
            Get-CallCount 'bizproc.workflow.terminate' | Should -Be 0
            @(Get-B24Workflow).Count | Should -Be 1000
        }

        It 'Remove-B24Workflow -WhatIf sends no kill request' {
            Get-B24Workflow -First 60 | Remove-B24Workflow -WhatIf
            Get-CallCount 'bizproc.workflow.kill' | Should -Be 0
            @(Get-B24Workflow).Count | Should -Be 1000
        }
    }

    Context 'Errors' {
        BeforeAll {
            Reset-Emulator
            # The emulator's control API names the webhook of user 2, who is not an administrator.
            $nonAdminWebhook = (Invoke-RestMethod -Uri "$emulatorBase/emulator/webhooks").nonAdmin
            $nonAdmin = Connect-B24 -Url $nonAdminWebhook -PassThru
            Connect-B24 -Url $webhook
        }

        It 'reports ACCESS_DENIED with the Bitrix24 code in FullyQualifiedErrorId' {
            Get-B24Workflow -Connection $nonAdmin -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand'
            "$($failures[0])" | Should -Not -Match ([regex]::Escape(([Uri]$nonAdminWebhook).Segments[-1].TrimEnd('/')))
        }

        It 'makes ACCESS_DENIED catchable with -ErrorAction Stop' {
            { Get-B24Workflow -Connection $nonAdmin -ErrorAction Stop } |
                Should -Throw -ErrorId 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand'

            $caught = try { Get-B24Workflow -Connection $nonAdmin -ErrorAction Stop; 'nothing thrown' } catch { $_.FullyQualifiedErrorId }
            $caught | Should -BeLike 'ACCESS_DENIED,*'
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
            foreach ($id in $good) { @(Get-B24Workflow -Id $id).Count | Should -Be 0 }
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

        It 'reports a failing batch sub-call as an error targeted at its key' {
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
    }

    Context 'Paging' {
        BeforeAll {
            Reset-Emulator
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
    }

    Context 'Starting workflows' {
        BeforeAll {
            Reset-Emulator
            # Templates and documents that exist on the portal: those of two running workflows.
            $samples = @(Get-B24Workflow -First 2)
            $documents = @($samples | ForEach-Object { '{0}|{1}|{2}' -f $_.ModuleId, $_.Entity, $_.DocumentId })
        }

        It 'starts workflows from objects and rejects a bad document id before sending it' {
            $rows = @(
                [pscustomobject]@{ TemplateId = $samples[0].TemplateId; DocumentId = $documents[0] }
                [pscustomobject]@{ TemplateId = $samples[0].TemplateId; DocumentId = 'LEAD_1' }
                [pscustomobject]@{ TemplateId = $samples[1].TemplateId; DocumentId = $documents[1] }
            )
            $started = @($rows | Start-B24Workflow -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures)

            $started | Should -HaveCount 2
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'INVALID_ARGUMENT,*'
            Get-CallCount 'bizproc.workflow.start' | Should -Be 2
            $started[0].TemplateId | Should -Be $samples[0].TemplateId
            $started[1].TemplateId | Should -Be $samples[1].TemplateId
            foreach ($workflow in $started) {
                $workflow.Id | Should -Not -BeNullOrEmpty
                @(Get-B24Workflow -Id $workflow.Id) | Should -HaveCount 1
            }
        }

        It 'passes nested and non-ASCII parameters' {
            $parameters = @{ Comment = 'Проверка договора'; Amounts = @(1, 2); Flag = $true }
            $started = Start-B24Workflow -TemplateId $samples[0].TemplateId -DocumentId $documents[0] -Parameters $parameters -Confirm:$false
            $started | Should -HaveCount 1
            $started.Id | Should -Not -BeNullOrEmpty
        }
    }

    Context 'Other cmdlets' {
        It 'Invoke-B24Method returns the result as objects' {
            $users = @(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } })
            $users | Should -HaveCount 1
            $users[0].ID | Should -Be '1'
        }

        It 'Invoke-B24Method -All pages through a list method' {
            Reset-Emulator
            $rows = @(Invoke-B24Method bizproc.workflow.instances @{ select = @('ID') } -All)
            $rows | Should -HaveCount 1000
        }

        It 'Get-B24User and Get-B24WorkflowTemplate return typed objects' {
            $user = Get-B24User -Id 1
            $user | Should -HaveCount 1
            $user.Id | Should -Be 1
            # By type name: on PowerShell 7 the client's types live in the module's own load context, where
            # type literals such as [Bitrix24.Client.Models.B24User] do not resolve.
            $user.PSObject.TypeNames | Should -Contain 'Bitrix24.Client.Models.B24User'

            $templates = @(Get-B24WorkflowTemplate)
            $templates.Count | Should -BeGreaterThan 0
            $templates[0].PSObject.TypeNames | Should -Contain 'Bitrix24.Client.Models.WorkflowTemplate'
        }
    }
}
