#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Robots (automation rules) of an application in real pwsh against the emulator run as its own process,
# signed in as an application: a re-runnable deployment script, the pipeline, errors users branch on.

Describe 'Robots' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $session = Initialize-AppTestSession
        $emulator = $session.Emulator; $webhookConnection = $session.WebhookConnection; $cache = $session.Cache

        function Get-Calls([string] $Method) { Get-CallCount $emulator $Method }

        # A deployment folder: one robot definition per .psd1, as a team keeps them in source control.
        $deploy = Join-Path $TestDrive 'robots'
        $null = New-Item -ItemType Directory -Path $deploy
        Set-Content -Path (Join-Path $deploy 'send_sms.psd1') -Value @'
@{
    Code        = 'send_sms'
    Name        = @{ en = 'Send SMS'; de = 'SMS senden' }
    Description = 'Sends a text message to the client'
    Handler     = 'https://app.example.com/robots/sms'
    AuthUserId  = 1
    Properties  = @{
        phone = @{ Name = 'Phone'; Type = 'string'; Required = $true }
        text  = @{ Name = 'Text'; Type = 'text' }
    }
    ReturnProperties = @{ status = @{ Name = 'Delivery status'; Type = 'select'; Options = @{ sent = 'Sent'; failed = 'Failed' } } }
    Filter      = @{ Include = 'crm|CCrmDocumentDeal', 'crm|CCrmDocumentLead' }
}
'@
        Set-Content -Path (Join-Path $deploy 'make_doc.psd1') -Value @'
@{ Code = 'make_doc'; Name = 'Make a document'; Handler = 'https://app.example.com/robots/doc'; DocumentType = 'Deal'; UseSubscription = 'N' }
'@
        Set-Content -Path (Join-Path $deploy 'notify.psd1') -Value @'
@{ CODE = 'notify.v2'; NAME = 'Notify'; HANDLER = 'https://app.example.com/robots/notify'; USE_PLACEMENT = 'Y'; PLACEMENT_HANDLER = 'https://app.example.com/robots/notify/settings' }
'@
        $script = Join-Path $TestDrive 'Deploy-Robots.ps1'
        Set-Content -Path $script -Value @'
param([string] $Folder)
Get-ChildItem -Path $Folder -Filter *.psd1 | ForEach-Object { Import-PowerShellDataFile -Path $_.FullName } | Register-B24Robot -Force -PassThru
'@
    }

    AfterAll { Clear-AppTestSession $session }

    It 'a deployment script run twice leaves the same robots, and its second run sends only updates' {
        $first = & $script -Folder $deploy
        @($first.Code | Sort-Object) | Should -Be @('make_doc', 'notify.v2', 'send_sms')
        (Get-Calls 'bizproc.robot.add') | Should -Be 3
        (Get-Calls 'bizproc.robot.update') | Should -Be 0
        (Get-Calls 'bizproc.robot.list') | Should -Be 1

        $second = & $script -Folder $deploy
        @($second.Code | Sort-Object) | Should -Be @('make_doc', 'notify.v2', 'send_sms')
        (Get-Calls 'bizproc.robot.add') | Should -Be 3       # nothing added
        (Get-Calls 'bizproc.robot.update') | Should -Be 3    # each one updated
        (Get-Calls 'bizproc.robot.list') | Should -Be 2      # one list per run
        @(Get-B24Robot).Code | Sort-Object | Should -Be @('make_doc', 'notify.v2', 'send_sms')
    }

    It 'the same script run as a scheduled job (a new pwsh signing in from the token cache) only updates too' {
        $child = Invoke-ChildPwsh @"
Import-Module '$ManifestPath'
Connect-B24 -FromTokenCache -TokenCachePath '$cache' -ErrorAction Stop
& '$script' -Folder '$deploy' | ForEach-Object Code | Sort-Object
"@
        $child | Should -Be @('make_doc', 'notify.v2', 'send_sms')
        (Get-Calls 'bizproc.robot.add') | Should -Be 3
        (Get-Calls 'bizproc.robot.update') | Should -Be 6
    }

    It 'lists robots with a view and filters codes by wildcard' {
        $text = Get-B24Robot | Out-String
        $text | Should -Match 'Code\s+Kind'
        $text | Should -Match 'send_sms\s+Robot'
        @(Get-B24Robot -Code 'send_*', 'make_*').Code | Should -Be @('make_doc', 'send_sms')   # the portal's order
    }

    It 'Set-B24Robot takes codes from Get-B24Robot and sends only the given fields' {
        $before = Get-Calls 'bizproc.robot.update'
        $changed = Get-B24Robot -Code 'make_doc' | Set-B24Robot -Handler 'https://app.example.com/robots/doc2' -PassThru
        $changed.Code | Should -Be 'make_doc'
        (Get-Calls 'bizproc.robot.update') - $before | Should -Be 1
    }

    It 'refuses a bad definition locally with INVALID_ARGUMENT, naming the property' {
        $before = Get-Calls 'batch'
        { Register-B24Robot -Code 'pick' -Name 'Pick' -Handler 'https://app.example.com/pick' -Properties @{ kind = @{ Name = 'Kind'; Type = 'select' } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.RegisterB24RobotCommand' -ExpectedMessage "*'kind'*Options*"
        { @{ Code = 'x'; Name = 'X'; Handler = 'https://app.example.com/x'; Colour = 'red' } | Register-B24Robot -ErrorAction Stop } |
            Should -Throw -ErrorId 'INVALID_ARGUMENT*' -ExpectedMessage "*unknown key 'Colour'*"
        { Register-B24Robot -Code 'bad code' -Name 'X' -Handler 'https://app.example.com/x' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        Get-Calls 'batch' | Should -Be $before
    }

    It 'without -Force a second registration fails with ERROR_ACTIVITY_ALREADY_INSTALLED' {
        { Register-B24Robot -Code 'send_sms' -Name 'Send SMS' -Handler 'https://app.example.com/robots/sms' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_ACTIVITY_ALREADY_INSTALLED,Bitrix24.PowerShell.Commands.RegisterB24RobotCommand'
    }

    It 'a webhook connection is refused before sending, saying to sign in as an application' {
        $before = Get-Calls 'bizproc.robot.list'
        { Get-B24Robot -Connection $webhookConnection -ErrorAction Stop } |
            Should -Throw -ErrorId 'APPLICATION_CONTEXT_REQUIRED,Bitrix24.PowerShell.Commands.GetB24RobotCommand' -ExpectedMessage '*Sign in as an application*'
        Get-Calls 'bizproc.robot.list' | Should -Be $before
    }

    It 'an application of a non-administrator gets ACCESS_DENIED from the portal' {
        $otherCache = (Connect-TestApp $emulator -UserId 2).Cache
        try {
            { Get-B24Robot -ErrorAction Stop } | Should -Throw -ErrorId 'ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24RobotCommand'
        }
        finally {
            Remove-Item -Recurse -Force (Split-Path $otherCache) -ErrorAction SilentlyContinue
            Connect-B24 -FromTokenCache -TokenCachePath $cache -RequestsPerSecond 1000 -Burst 1000
        }
    }

    It 'completes -Code with the application''s robot codes' {
        $line = 'Unregister-B24Robot -Code se'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('send_sms')
        $line = 'Set-B24Robot -Code '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('make_doc', 'notify.v2', 'send_sms')
    }

    It 'Unregister-B24Robot: -WhatIf sends nothing, -Confirm:$false removes every robot piped in' {
        Get-B24Robot | Unregister-B24Robot -WhatIf
        Get-Calls 'bizproc.robot.delete' | Should -Be 0
        Get-B24Robot | Unregister-B24Robot -Confirm:$false
        Get-Calls 'bizproc.robot.delete' | Should -Be 3
        @(Get-B24Robot).Count | Should -Be 0
        { Unregister-B24Robot -Code 'send_sms' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_ACTIVITY_NOT_FOUND*'
    }
}
