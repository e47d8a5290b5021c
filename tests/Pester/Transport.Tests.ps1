#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 12: a credential never goes over plain http:// except to a loopback address. Each refusal happens before
# anything is sent (the hosts below do not exist: .invalid never resolves), says why and what to do, and carries
# ErrorId INSECURE_TRANSPORT with category SecurityError.

Describe 'Credentials only over TLS' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $env:B24_WEBHOOK_URL = $null
        Import-Module $ManifestPath -Force
        $code = 'transportc0de' + (Get-Random)
        function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
        function Assert-Refused([scriptblock] $Action, [string] $Command) {
            $record = $null
            try { & $Action } catch { $record = $_ }
            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -Be "INSECURE_TRANSPORT,Bitrix24.PowerShell.Commands.$Command"
            $record.CategoryInfo.Category | Should -Be 'SecurityError'
            $record.Exception.Message | Should -Match 'plain http://'
            $record.Exception.Message | Should -Match 'https://'
            $record.Exception.Message | Should -Match 'loopback'
            $record.ErrorDetails.RecommendedAction | Should -Match 'certificate'
            ($record | Out-String).Contains($code) | Should -BeFalse
            $record.Exception.ToString().Contains($code) | Should -BeFalse
        }
    }

    AfterAll {
        $env:B24_WEBHOOK_URL = $null
        Get-Module Bitrix24 | Remove-Module -Force
    }

    It 'Connect-B24 -Url refuses http:// to <Target>' -ForEach @(
        @{ Target = 'portal.invalid' }, @{ Target = '192.0.2.10' }, @{ Target = '[2001:db8::1]' }, @{ Target = '127.0.0.1.invalid' }
    ) {
        Assert-Refused { Connect-B24 -Url "http://$Target/rest/1/$code/" -ErrorAction Stop } 'ConnectB24Command'
        { Get-B24Connection -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }

    It 'Connect-B24 -Webhook (a SecureString) refuses http:// too' {
        Assert-Refused { Connect-B24 -Webhook (Secure "http://portal.invalid/rest/1/$code/") -ErrorAction Stop } 'ConnectB24Command'
    }

    It 'an http:// B24_WEBHOOK_URL is refused by the first cmdlet' {
        $env:B24_WEBHOOK_URL = "http://portal.invalid/rest/1/$code/"
        try { Assert-Refused { Get-B24User -Id 1 -ErrorAction Stop } 'GetB24UserCommand' } finally { $env:B24_WEBHOOK_URL = $null }
    }

    It 'an application sign-in refuses an http:// <What>' -ForEach @(
        @{ What = 'portal'; Portal = 'http://portal.invalid/'; TokenServer = 'https://oauth.invalid/' }
        @{ What = 'token server'; Portal = 'https://portal.invalid/'; TokenServer = 'http://oauth.invalid/' }
    ) {
        $cache = Join-Path $TestDrive "cache-$What.json"
        Assert-Refused {
            Connect-B24 -Portal $Portal -ClientId 'local.app' -ClientSecret (Secure $code) -RefreshToken (Secure $code) -TokenServer $TokenServer -TokenCachePath $cache -ErrorAction Stop
        } 'ConnectB24Command'
        Test-Path $cache | Should -BeFalse   # nothing was written either
    }

    It 'accepts loopback over http:// (<Url>): no refusal, the connection check runs' -ForEach @(
        @{ Url = 'http://127.0.0.1:1/rest/1/abc/' }, @{ Url = 'http://localhost:1/rest/1/abc/' }, @{ Url = 'http://[::1]:1/rest/1/abc/' }
    ) {
        # Port 1 answers nothing: the refusal would come before the connection check, a network error after it.
        { Connect-B24 -Url $Url -MaxRetries 0 -ErrorAction Stop } | Should -Throw -ErrorId 'NETWORK_ERROR,*'
    }
}
