#Requires -Version 7.0

# Connect-B24 -Interactive end to end: the sign-in runs in a thread job (as a person's session would wait for the
# browser), the test reads the address it prints, plays the browser against the emulator's authorize page
# (no redirect followed: the Location goes to the module's loopback listener), and checks the connection,
# the token cache and that nothing secret was printed. The emulator's app keys are throwaway; still, no
# assertion here prints them.

Describe 'Connect-B24 -Interactive' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 1
        $env:B24_WEBHOOK_URL = $null
        Import-Module $ManifestPath -Force
        $base = "$($emulator.Base)/"
        $cacheFolder = Join-Path ([System.IO.Path]::GetTempPath()) ("b24-pester-interactive-" + [guid]::NewGuid().ToString('N'))

        function Get-FreePort {
            $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $probe.Start()
            try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
        }

        # An application installed on the emulated portal whose redirect address is this loopback port.
        function New-TestApp([int] $Port) {
            $redirect = [Uri]::EscapeDataString("http://127.0.0.1:$Port/")
            Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/oauth/apps?redirectUri=$redirect"
        }

        function Get-CodeGrants { (Invoke-RestMethod -Uri "$($emulator.Base)/emulator/oauth").codeGrants }

        # Connect-B24 -Interactive in a thread job; when it signs in, the job reads user 1 through the connection.
        function Start-SignIn($App, [int] $Port, [string] $CachePath, [int] $TimeoutSeconds = 60) {
            Start-ThreadJob -ArgumentList $ManifestPath, $base, $App.client_id, $App.client_secret, $Port, $CachePath, $TimeoutSeconds -ScriptBlock {
                param($manifest, $portal, $clientId, $clientSecret, $port, $cachePath, $timeout)
                Import-Module $manifest
                $secret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
                $redirect = if ($port) { @{ RedirectPort = $port } } else { @{} }
                Connect-B24 -Portal $portal -ClientId $clientId -ClientSecret $secret -Interactive @redirect -NoBrowser `
                    -TokenServer $portal -TokenCachePath $cachePath -SignInTimeout $timeout -ErrorAction Stop
                $user = Get-B24User -Id 1 -ErrorAction Stop
                [pscustomobject]@{ AuthType = (Get-B24Connection).AuthType; UserId = $user.Id }
            }
        }

        # The authorize address the job printed (information record tagged Bitrix24.AuthorizeUri).
        function Wait-AuthorizeUri($Job) {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline) {
                $record = $Job.Information | Where-Object { $_.Tags -contains 'Bitrix24.AuthorizeUri' } | Select-Object -First 1
                if ($record) { return [Uri]$record.MessageData }
                if ($Job.State -in 'Failed', 'Completed', 'Stopped') { throw "The sign-in ended before printing its address: $($Job.Error)" }
                Start-Sleep -Milliseconds 100
            }
            throw 'The sign-in printed no address.'
        }

        # The browser's first step: the portal's authorize page answers 302 to the application's redirect address.
        function Get-PortalRedirect([Uri] $Authorize) {
            $answer = Invoke-WebRequest -Uri $Authorize -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
            [pscustomobject]@{ Status = [int]$answer.StatusCode; Location = if ($answer.Headers.Location) { [Uri]"$($answer.Headers.Location)" } }
        }

        function Receive-SignIn($Job) {
            $null = $Job | Wait-Job -Timeout 120
            $errors = $null
            $output = Receive-Job $Job -Keep -ErrorVariable errors -ErrorAction SilentlyContinue -InformationAction Ignore
            [pscustomobject]@{
                State  = "$($Job.State)"
                Output = $output
                Errors = @($errors)
                # Everything the job showed or logged, for the no-secret assertions.
                Text   = (@($Job.Information | ForEach-Object { "$($_.MessageData)" }) + @($Job.Verbose | ForEach-Object Message) +
                    @($errors | ForEach-Object { "$_"; $_.ErrorDetails.RecommendedAction })) -join "`n"
            }
        }
    }

    AfterAll {
        Get-Job | Remove-Job -Force
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
        if ($cacheFolder -and (Test-Path $cacheFolder)) { Remove-Item -Recurse -Force $cacheFolder }
    }

    It 'signs in through the authorize page and the loopback redirect: connected, a call works, the cache holds the pair, nothing secret printed' {
        $port = Get-FreePort
        $app = New-TestApp $port
        $cachePath = Join-Path $cacheFolder 'signed-in.json'
        $job = Start-SignIn $app $port $cachePath

        $authorize = Wait-AuthorizeUri $job
        $authorize.GetLeftPart([UriPartial]::Path) | Should -Be "$($base)oauth/authorize/"
        $authorize.Query | Should -Match "client_id=$([regex]::Escape($app.client_id))&state=[0-9a-f]{32}"
        $redirect = Get-PortalRedirect $authorize
        $redirect.Status | Should -Be 302
        $redirect.Location.GetLeftPart([UriPartial]::Path) | Should -Be "http://127.0.0.1:$port/"
        $code = [regex]::Match($redirect.Location.Query, 'code=([^&]+)').Groups[1].Value
        $page = Invoke-WebRequest -Uri $redirect.Location
        $page.StatusCode | Should -Be 200
        $page.Content | Should -Match 'close this window'
        $result = Receive-SignIn $job

        $result.State | Should -Be 'Completed'
        $result.Output.AuthType | Should -Be 'OAuth'
        $result.Output.UserId | Should -Be 1
        $cached = Get-Content -Raw $cachePath | ConvertFrom-Json
        [string]::IsNullOrEmpty($cached.refreshToken) | Should -BeFalse
        [string]::IsNullOrEmpty($cached.accessToken) | Should -BeFalse
        if (-not $IsWindows) { [int](Get-Item $cachePath).UnixFileMode | Should -Be 384 }   # 0600
        $result.Text | Should -Match 'oauth/authorize'   # the address was printed…
        foreach ($secret in @($app.client_secret, $code, $cached.refreshToken, $cached.accessToken)) {
            $result.Text.Contains($secret) | Should -BeFalse   # …and nothing secret with it
        }
    }

    It 'the next run signs in from the cache the interactive sign-in wrote' {
        Connect-B24 -FromTokenCache -TokenCachePath (Join-Path $cacheFolder 'signed-in.json')
        (Get-B24User -Id 1).Id | Should -Be 1
        (Get-B24Connection).AuthType | Should -Be 'OAuth'
        Disconnect-B24
    }

    It 'refuses a redirect whose state is not its own and exchanges nothing' {
        $port = Get-FreePort
        $app = New-TestApp $port
        $grants = Get-CodeGrants
        $job = Start-SignIn $app $port (Join-Path $cacheFolder 'forged.json')

        $redirect = Get-PortalRedirect (Wait-AuthorizeUri $job)
        $forged = $redirect.Location.AbsoluteUri -replace 'state=[^&]+', 'state=forged0123'
        $page = Invoke-WebRequest -Uri $forged -SkipHttpErrorCheck
        $page.StatusCode | Should -Be 400
        $result = Receive-SignIn $job

        $result.Output | Should -BeNullOrEmpty   # not signed in (a thread job reports the terminating error, not Failed)
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'OAUTH_STATE_MISMATCH,*'
        "$($result.Errors[0])" | Should -Match 'not exchanged'
        Get-CodeGrants | Should -Be $grants
        Test-Path (Join-Path $cacheFolder 'forged.json') | Should -BeFalse
    }

    It 'a refused consent (error=access_denied on the redirect) is an access_denied error with the next step' {
        $port = Get-FreePort
        $app = New-TestApp $port
        $job = Start-SignIn $app $port (Join-Path $cacheFolder 'denied.json')

        $state = [regex]::Match((Wait-AuthorizeUri $job).Query, 'state=([^&]+)').Groups[1].Value
        $null = Invoke-WebRequest -Uri "http://127.0.0.1:$port/?error=access_denied&error_description=The+user+declined&state=$state"
        $result = Receive-SignIn $job

        $result.Output | Should -BeNullOrEmpty   # not signed in (a thread job reports the terminating error, not Failed)
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'access_denied,*'
        "$($result.Errors[0])" | Should -Match 'The user declined'
        $result.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-B24 -Interactive'
    }

    It 'a token-server error on the exchange (a wrong client secret) keeps its code and says how to sign in again' {
        $port = Get-FreePort
        $app = New-TestApp $port
        $wrong = [pscustomobject]@{ client_id = $app.client_id; client_secret = 'not-the-secret-0123456789' }
        $job = Start-SignIn $wrong $port (Join-Path $cacheFolder 'wrong-secret.json')

        $redirect = Get-PortalRedirect (Wait-AuthorizeUri $job)
        $null = Invoke-WebRequest -Uri $redirect.Location
        $result = Receive-SignIn $job

        $result.Output | Should -BeNullOrEmpty
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'invalid_client,*'
        "$($result.Errors[0])" | Should -Match 'Connect-B24'
        $result.Text.Contains($wrong.client_secret) | Should -BeFalse
        Test-Path (Join-Path $cacheFolder 'wrong-secret.json') | Should -BeFalse
    }

    It 'an application whose redirect address is another port: the portal shows its error page, the sign-in ends with OAUTH_NO_REDIRECT' {
        $app = New-TestApp (Get-FreePort)
        $job = Start-SignIn $app 0 (Join-Path $cacheFolder 'elsewhere.json') -TimeoutSeconds 3   # 0: a free port of its own

        $redirect = Get-PortalRedirect (Wait-AuthorizeUri $job)
        $redirect.Status | Should -Be 400
        $redirect.Location | Should -BeNullOrEmpty
        $result = Receive-SignIn $job

        $result.Output | Should -BeNullOrEmpty   # not signed in (a thread job reports the terminating error, not Failed)
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'OAUTH_NO_REDIRECT,*'
        "$($result.Errors[0])" | Should -Match '-RedirectPort'
    }

    It 'Stop-Job (Ctrl+C) ends the wait and frees the port' {
        $port = Get-FreePort
        $app = New-TestApp $port
        $job = Start-SignIn $app $port (Join-Path $cacheFolder 'stopped.json')
        $null = Wait-AuthorizeUri $job

        $job | Stop-Job
        $job.State | Should -Be 'Stopped'
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $port)
        { $listener.Start() } | Should -Not -Throw
        $listener.Stop()
    }

    It 'fails at once in a session nobody can answer: <Case>' -ForEach @(
        @{ Case = 'pwsh -NonInteractive'; NonInteractive = $true; Reason = 'pwsh runs with -NonInteractive' }
        @{ Case = 'input redirected'; NonInteractive = $false; Reason = "the console's input is redirected" }
    ) {
        $script = @"
Import-Module '$ManifestPath'
try { Connect-B24 -Portal 'https://example.bitrix24.com/' -ClientId app.x -ClientSecret (ConvertTo-SecureString x -AsPlainText -Force) -Interactive -ErrorAction Stop; 'connected' }
catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
        $lines = Invoke-UnattendedPwsh -Script $script -NonInteractive:$NonInteractive
        $lines[0] | Should -Be 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.ConnectB24Command'
        $lines[1] | Should -Match 'needs a person at a browser'
        $lines[1] | Should -Match ([regex]::Escape($Reason))
    }
}
