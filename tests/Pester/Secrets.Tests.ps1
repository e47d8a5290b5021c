#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 12, secrets: a representative scenario of every cmdlet family, signed in by webhook and by OAuth
# application, with failures on purpose (portal errors, injected faults, a wrong webhook code, a spent refresh
# token) and an access token that expires in the middle of a run. Everything the run leaves behind is searched
# for every secret: the output, verbose, debug, warning and information streams (-Verbose -Debug on every
# command), every ErrorRecord in $Error (ToString, Exception.ToString() with inner exceptions, each exception's
# Message and Data, ErrorDetails, TargetObject, InvocationInfo), the connection (Format-List *, ConvertTo-Json,
# Export-Csv) and the Start-Transcript file. Secrets: both webhook codes, a wrong code used on purpose, the
# client secret, the first refresh token, a spent one, and every access and refresh token the token cache held
# during the run (read after each command, so each rotation is caught). Zero hits are required.

Describe 'No secret shows anywhere' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 40 -ExtraArguments @('--app', '--seed-bizproc-tasks', '20', '--seed-users', '5',
            '--seed-flows', '3', '--seed-tasks', '5', '--rate', '1000', '--burst', '100000')
        # Start-TestEmulator reads up to the webhook line; the App line is printed before it or can be asked again.
        $app = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/oauth/apps"
        $hooks = Get-EmulatorWebhooks $emulator
        $nonAdminCode = ([Uri]$hooks.nonAdmin).Segments[-1].TrimEnd('/')
        $wrongCode = 'wrong' + [guid]::NewGuid().ToString('N')
        $base = $emulator.Base + '/'
        $cachePath = Join-Path $TestDrive 'tokens/portal.json'
        $transcriptPath = Join-Path $TestDrive 'transcript.txt'
        $csvPath = Join-Path $TestDrive 'connection.csv'

        $env:B24_WEBHOOK_URL = $null
        Import-Module $ManifestPath -Force

        # Every token the cache ever held; read after each command of the OAuth part.
        $script:seenTokens = [System.Collections.Generic.HashSet[string]]::new()
        function Read-CacheTokens {
            if (Test-Path $cachePath) {
                $entry = Get-Content -Raw $cachePath | ConvertFrom-Json
                foreach ($t in @($entry.accessToken, $entry.refreshToken, $entry.clientSecret)) { if ($t) { $null = $script:seenTokens.Add($t) } }
            }
        }
        function Add-Fault([hashtable] $Rule) {
            $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/faults" -Body ($Rule | ConvertTo-Json) -ContentType 'application/json'
        }
        function Clear-Fault { $null = Invoke-RestMethod -Method Delete -Uri "$($emulator.Base)/emulator/faults" }
        function Seed([hashtable] $Body) {
            Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body ($Body | ConvertTo-Json -Depth 6) -ContentType 'application/json'
        }
        function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

        # Every family once; $C = a second connection with no retries (for the injected faults) or $null.
        $families = {
            param($C, [string] $Tag)
            $ErrorActionPreference = 'Continue'   # the suite runs under Stop; failures on purpose must not end the run
            $common = @{ Verbose = $true; Debug = $true }
            $fault = @{ Verbose = $true; Debug = $true; Connection = $C; ErrorAction = 'Continue' }
            Get-B24Connection @common | Out-Null
            Get-B24User -Id 1 @common
            Get-B24User -First 3 -IncludeTotalCount @common
            Get-B24WorkflowTemplate -First 2 @common
            Start-B24Workflow -TemplateId 1 -DocumentId 'crm|CCrmDocumentLead|LEAD_1', 'crm|CCrmDocumentLead|LEAD_2' -Confirm:$false @common
            Get-B24Workflow -First 3 @common | Stop-B24Workflow -Confirm:$false -PassThru @common
            Get-B24Workflow -First 1 @common | Remove-B24Workflow -Force -Confirm:$false @common
            $flow = New-B24Flow -Name "Secret flow $Tag" -PlannedCompletionTime 3600 -Responsible 1 -Confirm:$false @common
            $flow
            Get-B24Flow -Id $flow.Id @common
            $flow | Set-B24Flow -Description 'changed' -Confirm:$false @common
            $flow | Switch-B24Flow -PassThru -Confirm:$false @common
            $flow | Enable-B24Flow -PassThru -Confirm:$false @common
            $flow | Disable-B24Flow -PassThru -Confirm:$false @common
            Test-B24Flow -Name "Secret flow $Tag" @common
            $flow | Add-B24FlowPin -Confirm:$false @common
            $flow | Remove-B24FlowPin -Confirm:$false @common
            $task = Add-B24Task -Title "Secret task $Tag" -ResponsibleId 1 -Description 'from the secrets test' -Confirm:$false @common
            $task
            Get-B24Task -Id $task.Id @common
            Get-B24Task -First 3 @common
            [pscustomobject]@{ Title = "CSV task $Tag"; ResponsibleId = 1 } | Add-B24Task -Confirm:$false @common
            $tasks = @(Get-B24BizprocTask -Status Running -First 2 @common)
            $tasks | Select-Object -First 1 | Complete-B24BizprocTask -Status Approved -Comment 'ok' -PassThru -Confirm:$false @common
            $tasks | Select-Object -Skip 1 | Move-B24BizprocTask -ToUserId 2 -PassThru -Confirm:$false @common
            Invoke-B24Method user.current @common
            Invoke-B24Method user.get @{ FILTER = @{ ACTIVE = $true } } -All @common
            Invoke-B24Batch @{ me = 'user.current'; users = @{ method = 'user.get'; params = @{ ID = 1 } }; bad = 'no.such.method' } -Confirm:$false @common

            # Failures on purpose (non-terminating, so the run goes on).
            Invoke-B24Method no.such.method -ErrorAction Continue @common
            Stop-B24Workflow -Id '00000000000000.00000000' -Confirm:$false -ErrorAction Continue @common
            Get-B24Flow -Id 999999 -ErrorAction Continue @common
            Complete-B24BizprocTask -TaskId 999999 -Status Approved -Confirm:$false -ErrorAction Continue @common
            Move-B24BizprocTask -TaskId 999998 -ToUserId 2 -Confirm:$false -ErrorAction Continue @common
            Add-B24Task -Title "No one $Tag" -ResponsibleId 987654 -Confirm:$false -ErrorAction Continue @common
            Start-B24Workflow -TemplateId 4 -DocumentId 'crm|CCrmDocumentDeal|DEAL_1' -Confirm:$false -ErrorAction Continue @common
            Remove-B24Flow -Id 999997 -Force -Confirm:$false -ErrorAction Continue @common
            try { Get-B24Flow -Id 999996 -ErrorAction Stop @common } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }

            # Injected faults on a connection that does not retry: each becomes an error of its own.
            if ($C) {
                foreach ($kind in 'html502', 'html504', 'internalError', 'malformedJson', 'reset', 'queryLimit', 'operationTimeLimit', 'expiredToken') {
                    Add-Fault @{ method = 'user.get'; kind = $kind; times = 5 }
                    Get-B24User -Id 1 @fault
                    Clear-Fault
                }
                Add-Fault @{ method = 'batch'; kind = 'reset'; when = 'after'; times = 5 }
                Get-B24Workflow -First 2 -Connection $C | Stop-B24Workflow -Confirm:$false @fault
                Clear-Fault
                Add-Fault @{ method = 'tasks.task.add'; when = 'after'; truncateAt = 20; times = 5 }
                Add-B24Task -Title "Truncated $Tag" -ResponsibleId 1 -Confirm:$false @fault
                Clear-Fault
                # Last: an overload block ends the command and the connection calls the portal no more.
                Add-Fault @{ method = 'user.get'; kind = 'overload'; times = 5 }
                try { Get-B24User -Id 1 @fault } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }
                Clear-Fault
            }
        }
    }

    AfterAll {
        Clear-Fault
        Disconnect-B24 -ErrorAction SilentlyContinue
        $env:B24_WEBHOOK_URL = $null
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'runs every family by webhook and by application, with errors and a mid-run token expiry, and no secret shows in any stream, error, connection view or transcript' {
        $Error.Clear()
        $captured = [System.Collections.Generic.List[object]]::new()
        $connections = [System.Collections.Generic.List[object]]::new()
        Start-Transcript -Path $transcriptPath -Force | Out-Null
        try {
            $run = {
                $ErrorActionPreference = 'Continue'
                # Webhook: from a SecureString, then a URL, then the environment variable.
                Connect-B24 -Webhook (Secure $emulator.Webhook) -Verbose -Debug
                $connections.Add((Get-B24Connection))
                $noRetry = Connect-B24 -Webhook (Secure $emulator.Webhook) -MaxRetries 0 -MaxOperatingWait 0 -PassThru -Verbose -Debug
                & $families $noRetry 'webhook'
                Connect-B24 -Url $hooks.nonAdmin -Verbose -Debug
                Get-B24User -First 2 -Verbose -Debug
                Invoke-B24Method bizproc.workflow.kill @{ ID = 'x' } -Confirm:$false -ErrorAction Continue -Verbose -Debug   # ACCESS_DENIED
                Disconnect-B24 -Verbose -Debug
                $env:B24_WEBHOOK_URL = $emulator.Webhook
                Get-B24User -Id 1 -Verbose -Debug
                Disconnect-B24
                $env:B24_WEBHOOK_URL = $emulator.Webhook.Replace($emulator.Code, $wrongCode)
                try { Get-B24User -Id 1 -Verbose -Debug -ErrorAction Stop } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }
                $env:B24_WEBHOOK_URL = $null
                try {
                    Connect-B24 -Webhook (Secure $emulator.Webhook.Replace($emulator.Code, $wrongCode)) -Verbose -Debug -ErrorAction Stop
                } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }

                # Application: refresh token sign-in with a cache, the families, an expiry in the middle of a pipeline.
                Connect-B24 -Portal $base -ClientId $app.client_id -ClientSecret (Secure $app.client_secret) -RefreshToken (Secure $app.refresh_token) `
                    -TokenServer $base -TokenCachePath $cachePath -Verbose -Debug
                Read-CacheTokens
                $connections.Add((Get-B24Connection))
                & $families $null 'oauth'
                Read-CacheTokens
                $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire?after=1')   # after the list's first page
                $script:stoppedAfterExpiry = @(Get-B24Workflow -Verbose -Debug | Select-Object -First 10 | Stop-B24Workflow -Confirm:$false -PassThru -Verbose -Debug)
                $script:stoppedAfterExpiry
                Read-CacheTokens
                $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire')
                Get-B24BizprocTask -Status Running -First 1 -Verbose -Debug | Complete-B24BizprocTask -Status Approved -Comment 'after expiry' -Confirm:$false -PassThru -Verbose -Debug
                Read-CacheTokens
                $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire')
                Invoke-B24Batch @{ a = 'user.current'; b = @{ method = 'tasks.task.list'; params = @{ select = @('ID') } } } -Confirm:$false -Verbose -Debug
                Read-CacheTokens
                # A second process's view: sign in from the cache alone, and again after an expiry.
                Connect-B24 -FromTokenCache -TokenCachePath $cachePath -Verbose -Debug
                $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire')
                Get-B24User -Id 1 -Verbose -Debug
                Read-CacheTokens
                $connections.Add((Get-B24Connection))
                # A spent refresh token (the first one, rotated long ago): invalid_grant.
                try {
                    Connect-B24 -Portal $base -ClientId $app.client_id -ClientSecret (Secure $app.client_secret) -RefreshToken (Secure $app.refresh_token) `
                        -TokenServer $base -TokenCachePath (Join-Path $TestDrive 'spent.json') -Verbose -Debug -ErrorAction Stop
                } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }
                # A wrong client secret.
                try {
                    Connect-B24 -Portal $base -ClientId $app.client_id -ClientSecret (Secure $wrongCode) -RefreshToken (Secure ($script:seenTokens | Select-Object -Last 1)) `
                        -TokenServer $base -TokenCachePath (Join-Path $TestDrive 'wrong.json') -Verbose -Debug -ErrorAction Stop
                } catch { Write-Error -ErrorRecord $_ -ErrorAction Continue }
                Connect-B24 -FromTokenCache -TokenCachePath $cachePath -Verbose -Debug
                Get-B24User -Id 1 -Verbose -Debug
                Read-CacheTokens
            }
            # Captured, then shown as the host would have shown it, so the transcript holds it as a user would see it.
            & $run *>&1 | ForEach-Object {
                $captured.Add($_)
                switch ($_) {
                    { $_ -is [System.Management.Automation.VerboseRecord] } { Write-Verbose $_.Message -Verbose; break }
                    { $_ -is [System.Management.Automation.DebugRecord] } { Write-Debug $_.Message -Debug; break }
                    { $_ -is [System.Management.Automation.WarningRecord] } { Write-Warning $_.Message; break }
                    { $_ -is [System.Management.Automation.InformationRecord] } { Write-Information $_ -InformationAction Continue; break }
                    default { $_ | Out-Host }
                }
            }
            foreach ($c in $connections) {
                $c | Format-List * | Out-Host
                $c | Format-Table | Out-Host
                $c | Out-Host
            }
        } finally {
            Stop-Transcript | Out-Null
        }

        # The run did what it says: both sign-ins worked, tokens rotated, errors happened.
        $connections.AuthType | Should -Be @('Webhook', 'OAuth', 'OAuth')
        $script:seenTokens.Count | Should -BeGreaterThan 6
        $script:stoppedAfterExpiry.Count | Should -Be 10
        @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 20
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 100
        $Error.Count | Should -BeGreaterThan 20

        # What is searched, one text per place.
        function Get-ExceptionText([Exception] $Exception) {
            for ($e = $Exception; $e; $e = $e.InnerException) {
                $e.Message
                $e.GetType().FullName
                foreach ($key in $e.Data.Keys) { "$key"; "$($e.Data[$key])" }
                if ($e -is [System.AggregateException]) { foreach ($inner in $e.InnerExceptions) { Get-ExceptionText $inner } }
                foreach ($p in $e.PSObject.Properties) { try { "$($p.Value)" } catch { } }
            }
            $Exception.ToString()
        }
        function Get-RecordText($Item) {
            if ($Item -is [System.Management.Automation.ErrorRecord]) {
                $Item.ToString()
                $Item | Format-List * -Force | Out-String
                Get-ExceptionText $Item.Exception
                if ($Item.ErrorDetails) { $Item.ErrorDetails.Message; $Item.ErrorDetails.RecommendedAction }
                $Item.FullyQualifiedErrorId
                $Item.CategoryInfo.ToString()
                if ($null -ne $Item.TargetObject) {
                    "$($Item.TargetObject)"
                    $Item.TargetObject | Format-List * | Out-String
                    try { ConvertTo-Json -InputObject $Item.TargetObject -Depth 3 -WarningAction SilentlyContinue } catch { }
                }
                if ($Item.InvocationInfo) {
                    $Item.InvocationInfo.Line
                    $Item.InvocationInfo.PositionMessage
                    foreach ($bound in $Item.InvocationInfo.BoundParameters.GetEnumerator()) { "$($bound.Key)=$($bound.Value)" }
                }
                $Item.ScriptStackTrace
            } elseif ($Item -is [System.Management.Automation.InformationalRecord]) {
                $Item.Message
            } elseif ($Item -is [System.Management.Automation.InformationRecord]) {
                "$($Item.MessageData)"
            } else {
                "$Item"
                $Item | Format-List * | Out-String
                try { ConvertTo-Json -InputObject $Item -Depth 3 -WarningAction SilentlyContinue } catch { }
            }
        }

        $places = [System.Collections.Generic.List[object]]::new()
        $n = 0
        foreach ($item in $captured) { $places.Add([pscustomobject]@{ Place = "stream item $((++$n)) ($($item.GetType().Name))"; Text = (Get-RecordText $item) -join "`n" }) }
        $n = 0
        foreach ($record in $Error) {
            $item = if ($record -is [System.Management.Automation.ErrorRecord]) { $record } else { $record.ErrorRecord ?? $record }
            $places.Add([pscustomobject]@{ Place = "`$Error[$(($n++))]"; Text = (Get-RecordText $item) -join "`n" })
        }
        $n = 0
        foreach ($c in $connections) {
            $c | Export-Csv -Path $csvPath -NoTypeInformation -Force
            $places.Add([pscustomobject]@{ Place = "connection $(($n++))"; Text = @(
                        ($c | Format-List * -Force | Out-String), ($c | Format-Table * | Out-String), "$c",
                        (ConvertTo-Json -InputObject $c -Depth 4 -WarningAction SilentlyContinue), (Get-Content -Raw $csvPath)) -join "`n" })
        }
        $places.Add([pscustomobject]@{ Place = 'transcript'; Text = Get-Content -Raw $transcriptPath })

        $secrets = @($emulator.Code, $nonAdminCode, $wrongCode, $app.client_secret, $app.refresh_token) + @($script:seenTokens) |
            Where-Object { $_ } | Sort-Object -Unique
        $hits = foreach ($secret in $secrets) {
            foreach ($place in $places) {
                if ($place.Text.Contains($secret)) { "a secret of $($secret.Length) characters ($($secret.Substring(0, 3))…) in $($place.Place)" }
            }
        }
        $checks = $secrets.Count * $places.Count
        Write-Host "Secret checks: $($secrets.Count) secrets x $($places.Count) places = $checks; hits: $(@($hits).Count)"
        $hits | Should -BeNullOrEmpty
        # The places hold what the run did (the transcript caught the streams and the errors, masked).
        $transcript = ($places | Where-Object Place -eq 'transcript').Text
        foreach ($expected in '/rest/1/***/', 'VERBOSE: ', 'DEBUG: Request', 'NO_AUTH_FOUND', 'invalid_grant', 'invalid_client', 'expired_token', 'OAuth: refreshed') {
            $transcript.Contains($expected) | Should -BeTrue -Because "the transcript should show '$expected'"
        }
    }
}
