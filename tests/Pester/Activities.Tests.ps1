#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Workflow activities (designer actions) of an application in real pwsh against the emulator run as its own
# process: they share the robots' cmdlet code, so this file checks what is their own — their methods, the list
# and drive document types robots do not take, the code namespace they share with robots — and a re-run.

Describe 'Activities' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $session = Initialize-AppTestSession
        $emulator = $session.Emulator; $webhookConnection = $session.WebhookConnection; $cache = $session.Cache
        function Get-Calls([string] $Method) { Get-CallCount $emulator $Method }

        $definitions = @(
            @{ Code = 'md5_action'; Name = @{ en = 'MD5 of a text' }; Handler = 'https://app.example.com/act/md5'
               Properties = @{ inputString = @{ Name = 'Text'; Type = 'string'; Required = 'Y' } }
               ReturnProperties = @{ outputString = @{ Name = 'MD5'; Type = 'string' } }; DocumentType = 'List 17' }
            @{ Code = 'doc_action'; Name = 'File check'; Handler = 'https://app.example.com/act/doc'; DocumentType = 'Disk 3'; Filter = @{ Include = , 'disk' } }
        )
    }

    AfterAll { Clear-AppTestSession $session }

    It 'registers activities on list and drive document types, and a second -Force run only updates' {
        $definitions | Register-B24Activity -Force
        $definitions | Register-B24Activity -Force
        (Get-Calls 'bizproc.activity.add') | Should -Be 2
        (Get-Calls 'bizproc.activity.update') | Should -Be 2
        (Get-Calls 'bizproc.activity.list') | Should -Be 2
        @(Get-B24Activity).Code | Should -Be @('md5_action', 'doc_action')
        (Get-B24Activity | Out-String) | Should -Match 'md5_action\s+Activity'
    }

    It 'keeps robots and activities apart, though one code cannot be both' {
        Register-B24Robot -Code 'robot_only' -Name 'Robot' -Handler 'https://app.example.com/robot'
        @(Get-B24Activity).Code | Should -Not -Contain 'robot_only'
        @(Get-B24Robot).Code | Should -Be @('robot_only')
        { Register-B24Activity -Code 'robot_only' -Name 'Clash' -Handler 'https://app.example.com/clash' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_ACTIVITY_ALREADY_INSTALLED,Bitrix24.PowerShell.Commands.RegisterB24ActivityCommand' -ExpectedMessage '*Activity or Robot already installed!*'
        { Set-B24Activity -Code 'robot_only' -Name 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_ACTIVITY_NOT_FOUND*'
    }

    It 'robots refuse the list document type the portal gives only to activities' {
        { Register-B24Robot -Code 'on_list' -Name 'x' -Handler 'https://app.example.com/x' -DocumentType 'List 17' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_ACTIVITY_VALIDATION_FAILURE*' -ExpectedMessage '*Wrong activity DOCUMENT_TYPE!*'
    }

    It 'checks -DocumentType shortcuts locally' {
        { Register-B24Activity -Code 'a' -Name 'A' -Handler 'https://app.example.com/a' -DocumentType 'Dynamic x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'INVALID_ARGUMENT*' -ExpectedMessage '*positive id*'
    }

    It 'completes -DocumentType with the shortcuts' {
        $line = 'Register-B24Activity -DocumentType Dyn'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "'Dynamic 1'"
    }

    It 'is refused on a webhook connection and unregisters from the pipeline' {
        { Get-B24Activity -Connection $webhookConnection -ErrorAction Stop } | Should -Throw -ErrorId 'APPLICATION_CONTEXT_REQUIRED*'
        Get-B24Activity | Unregister-B24Activity -Force
        @(Get-B24Activity).Count | Should -Be 0
        (Get-Calls 'bizproc.activity.delete') | Should -Be 2
    }
}
