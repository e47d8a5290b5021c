#Requires -Version 7.0

Describe 'Connect-B24, Get-B24Connection, Disconnect-B24' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 10
        Initialize-TestSession $emulator
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'shows the endpoint with the code masked' {
        $connection = Get-B24Connection
        $connection.UserId | Should -Be 1
        $connection.AuthType | Should -Be 'Webhook'
        $connection.Endpoint | Should -Be "$($emulator.Base)/rest/1/***/"
        # A failing match would print the text, so only the answer is asserted: no secret in the test output.
        "$connection".Contains($emulator.Code) | Should -BeFalse
    }

    It 'never writes the webhook code to the verbose stream' {
        $verbose = Get-B24Workflow -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose).Count | Should -BeGreaterThan 0
        (($verbose | ForEach-Object Message) -join "`n").Contains($emulator.Code) | Should -BeFalse
    }

    It 'rejects a wrong webhook code with NO_AUTH_FOUND and leaves no current connection' {
        $wrong = $emulator.Webhook -replace '/[^/]+/$', '/wrongcode0123456789/'
        { Connect-B24 -Url $wrong } | Should -Throw -ErrorId 'NO_AUTH_FOUND,*'
        { Get-B24Connection } | Should -Throw -ErrorId 'NotConnected,*'
        Connect-B24 -Url $emulator.Webhook
    }

    It 'connects from B24_WEBHOOK_URL when there is no connection, and reports NotConnected without one' {
        try {
            Disconnect-B24
            { Get-B24Connection -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'

            $env:B24_WEBHOOK_URL = $emulator.Webhook
            Get-B24Workflow -First 1 | Should -HaveCount 1
            (Get-B24Connection).Endpoint | Should -Be "$($emulator.Base)/rest/1/***/"
        }
        finally {
            $env:B24_WEBHOOK_URL = $null
            Connect-B24 -Url $emulator.Webhook
        }
    }

    It 'works from B24_WEBHOOK_URL in a child pwsh that never calls Connect-B24' {
        try {
            $env:B24_WEBHOOK_URL = $emulator.Webhook
            $lines = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ManifestPath'
@(Get-B24Workflow -First 3).Count
(Get-B24Connection).Endpoint
"@
        }
        finally { $env:B24_WEBHOOK_URL = $null }
        $lines | Should -Be @('3', "$($emulator.Base)/rest/1/***/")
    }

    It 'a failing B24_WEBHOOK_URL fails every command clearly and sticks nowhere: fixing the variable is enough' {
        try {
            $env:B24_WEBHOOK_URL = $emulator.Webhook -replace '/[^/]+/$', '/wrongcode0123456789/'
            $env:B24_TEST_RIGHT_WEBHOOK = $emulator.Webhook
            $lines = Invoke-ChildPwsh @"
Import-Module '$ManifestPath'
foreach (`$attempt in 1..2) {
    try { Get-B24Workflow -First 1 -ErrorAction Stop; 'no error' }
    catch { `$_.FullyQualifiedErrorId; `$_.ErrorDetails.Message -match 'B24_WEBHOOK_URL.*failed.*Nothing was kept' }
}
`$env:B24_WEBHOOK_URL = 'not a webhook'
try { Get-B24Workflow -First 1 -ErrorAction Stop; 'no error' } catch { `$_.FullyQualifiedErrorId }
`$env:B24_WEBHOOK_URL = `$env:B24_TEST_RIGHT_WEBHOOK
@(Get-B24Workflow -First 2 -ErrorAction Stop).Count
(Get-B24Connection).UserId
"@
        }
        finally { $env:B24_WEBHOOK_URL = $null; $env:B24_TEST_RIGHT_WEBHOOK = $null }
        $lines | Should -Be @(
            'NO_AUTH_FOUND,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand', 'True',
            'NO_AUTH_FOUND,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand', 'True',
            'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand',
            '2', '1')
    }

    It 'takes the webhook as a PSCredential, and refuses plain text for a secret without repeating it' {
        $credential = [pscredential]::new('webhook', (ConvertTo-SecureString $emulator.Webhook -AsPlainText -Force))
        (Connect-B24 -Webhook $credential -PassThru).UserId | Should -Be 1

        $caught = try { Connect-B24 -Webhook $emulator.Webhook; $null } catch { $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        "$caught" | Should -Match 'SecureString or a PSCredential'
        ("$caught" + $caught.Exception.ToString()).Contains($emulator.Code) | Should -BeFalse
        Connect-B24 -Url $emulator.Webhook
    }

    It 'takes the client secret and refresh token as PSCredentials (binding accepts them; this portal has no app)' {
        $credential = [pscredential]::new('app', (ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force))
        $caught = try {
            Connect-B24 -Portal "$($emulator.Base)/" -ClientId 'app.none' -ClientSecret $credential -RefreshToken $credential `
                -TokenServer "$($emulator.Base)/" -TokenCachePath (Join-Path $TestDrive 'tokens.json')
            $null
        }
        catch { $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Not -BeLike 'Parameter*'
        "$caught".Contains('not-a-real-secret') | Should -BeFalse
        Connect-B24 -Url $emulator.Webhook
    }

    It 'fails clearly instead of prompting when the session cannot answer: <Case>' -ForEach @(
        @{ Case = 'pwsh -NonInteractive'; Script = 'Connect-B24'; Reason = 'pwsh runs with -NonInteractive'; NonInteractive = $true }
        @{ Case = 'input redirected'; Script = 'Connect-B24'; Reason = "the console's input is redirected"; NonInteractive = $false }
        @{ Case = 'client secret, input redirected'; Script = "Connect-B24 -Portal 'https://example.bitrix24.com/' -ClientId app.x -RefreshToken (ConvertTo-SecureString x -AsPlainText -Force)"
            Reason = "the console's input is redirected"; NonInteractive = $false }
    ) {
        $script = @"
Import-Module '$ManifestPath'
try { $Script -ErrorAction Stop; 'connected' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
        $lines = Invoke-UnattendedPwsh -Script $script -NonInteractive:$NonInteractive
        $lines[0] | Should -Be 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.ConnectB24Command'
        $lines[1] | Should -Match 'not prompted for because'
        $lines[1] | Should -Match ([regex]::Escape($Reason))
    }

    It 'uses -Connection instead of the current connection' {
        $second = Connect-B24 -Url $emulator.Webhook -PassThru
        Get-B24Workflow -Connection $second -First 2 | Should -HaveCount 2
    }

    It 'exports the connection to JSON without the webhook code' {
        $json = Get-B24Connection | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue
        $json | Should -Match '"UserId": 1'
        $json.Contains($emulator.Code) | Should -BeFalse
    }
}
