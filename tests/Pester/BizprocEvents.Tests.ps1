#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Answers of an application to its waiting robot runs, in real pwsh against the emulator run as its own process:
# Write-B24WorkflowLog while working, Send-B24BizprocEvent with the return values at the end.

Describe 'Send-B24BizprocEvent and Write-B24WorkflowLog' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $session = Initialize-AppTestSession
        $emulator = $session.Emulator
        $clientId = $session.ClientId
        Register-B24Robot -Code 'send_sms' -Name 'Send SMS' -Handler 'https://app.example.com/sms' `
            -ReturnProperties @{ status = @{ Name = 'Status'; Type = 'select'; Options = @{ sent = 'Sent'; failed = 'Failed' } } }

        # Runs of the robot waiting for the application: the tokens its handler would receive.
        function New-WaitingRun([int] $Count = 1) {
            $body = @{ eventTokens = @(1..$Count | ForEach-Object { @{ clientId = $clientId; code = 'send_sms' } }) } | ConvertTo-Json -Depth 4
            (Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/seed" -Body $body -ContentType 'application/json').eventTokens
        }
    }

    AfterAll { Clear-AppTestSession $session }

    It 'answers handler payloads from the pipeline: a log line, then the return values, 50 per batch' {
        $tokens = @(New-WaitingRun -Count 3)
        $payloads = $tokens | ForEach-Object { [pscustomobject]@{ event_token = $_; document_id = @('crm', 'CCrmDocumentDeal', 'DEAL_1') } }
        $before = Get-CallCount $emulator 'batch'
        $payloads | Write-B24WorkflowLog -Message 'Sending'
        $payloads | Send-B24BizprocEvent -ReturnValues @{ status = 'sent' } -LogMessage 'Sent'
        (Get-CallCount $emulator 'batch') - $before | Should -Be 2
        Get-CallCount $emulator 'bizproc.event.send' | Should -Be 3
        Get-CallCount $emulator 'bizproc.activity.log' | Should -Be 3
    }

    It 'a run answered already is ACCESS_DENIED, catchable with -ErrorAction Stop' {
        $token = New-WaitingRun
        Send-B24BizprocEvent -EventToken $token -ReturnValues @{ status = 'failed' }
        { Send-B24BizprocEvent -EventToken $token -ErrorAction Stop } | Should -Throw -ErrorId 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.SendB24BizprocEventCommand'
        { Write-B24WorkflowLog -EventToken $token -Message 'late' -ErrorAction Stop } | Should -Throw -ErrorId 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.WriteB24WorkflowLogCommand'
    }

    It '-WhatIf sends nothing and shows only the start of the token' {
        $token = New-WaitingRun
        $before = Get-CallCount $emulator 'bizproc.event.send'
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        Send-B24BizprocEvent -EventToken $token -WhatIf
        $null = Stop-Transcript
        Get-CallCount $emulator 'bizproc.event.send' | Should -Be $before
        $text = Get-Content -Raw $transcript
        $text | Should -Match 'Send return values'
        $text | Should -Match ([regex]::Escape($token.Substring(0, 12)))
        $text.Contains($token) | Should -BeFalse
    }

    It 'is refused on a webhook connection before sending' {
        { Send-B24BizprocEvent -Connection $session.WebhookConnection -EventToken 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'APPLICATION_CONTEXT_REQUIRED*'
        { Write-B24WorkflowLog -Connection $session.WebhookConnection -EventToken 'x' -Message 'm' -ErrorAction Stop } | Should -Throw -ErrorId 'APPLICATION_CONTEXT_REQUIRED*'
    }
}
