# Module manifest of Bitrix24: a binary module (one build for Windows PowerShell 5.1 and PowerShell 7).
# Cmdlets are listed one by one (no wildcards) so discovery never has to load the assembly.
# The source is Bitrix24.psd1 at the repository root, the one version source (ModuleVersion feeds the
# build's Version). It is valid where it stands: Import-Module ./Bitrix24.psd1 loads the built module from
# out/Bitrix24/ with the format file from src/. The build writes the shipped copy, out/Bitrix24/Bitrix24.psd1,
# with those folder prefixes dropped from the paths, since there every file sits beside the manifest.
@{
    RootModule             = 'out/Bitrix24/Bitrix24.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'b2e49767-fa20-4342-965a-6ec833dddb32'
    Author                 = 'Bitrix24 PowerShell contributors'
    CompanyName            = 'Bitrix24 PowerShell contributors'
    Copyright              = '(c) Bitrix24 PowerShell contributors.'
    Description            = 'Bitrix24 REST from PowerShell: connect with a webhook, list, start and stop business processes in bulk, within the portal''s rate limits.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('src/Bitrix24.PowerShell/Bitrix24.Format.ps1xml', 'src/Bitrix24.PowerShell/Formats/Flow.Format.ps1xml', 'src/Bitrix24.PowerShell/Formats/Task.Format.ps1xml', 'src/Bitrix24.PowerShell/Formats/BizprocTask.Format.ps1xml', 'src/Bitrix24.PowerShell/Formats/AppActivity.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-B24'
        'Disconnect-B24'
        'Get-B24Connection'
        'Invoke-B24Method'
        'Invoke-B24Batch'
        'Get-B24User'
        'Get-B24WorkflowTemplate'
        'Start-B24Workflow'
        'Get-B24Workflow'
        'Stop-B24Workflow'
        'Remove-B24Workflow'
        'New-B24Flow'
        'Set-B24Flow'
        'Get-B24Flow'
        'Remove-B24Flow'
        'Switch-B24Flow'
        'Enable-B24Flow'
        'Disable-B24Flow'
        'Test-B24Flow'
        'Add-B24FlowPin'
        'Remove-B24FlowPin'
        'Add-B24Task'
        'Get-B24Task'
        'Get-B24BizprocTask'
        'Complete-B24BizprocTask'
        'Move-B24BizprocTask'
        'Register-B24Robot'
        'Set-B24Robot'
        'Get-B24Robot'
        'Unregister-B24Robot'
        'Register-B24Activity'
        'Set-B24Activity'
        'Get-B24Activity'
        'Unregister-B24Activity'
        'New-B24WorkflowTemplate'
        'Set-B24WorkflowTemplate'
        'Remove-B24WorkflowTemplate'
        'Send-B24BizprocEvent'
        'Write-B24WorkflowLog'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Bitrix24', 'Bitrix', 'CRM', 'REST', 'BusinessProcess', 'Workflow', 'Webhook', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/bitrix24-powershell/Bitrix24'
            LicenseUri   = 'https://github.com/bitrix24-powershell/Bitrix24/blob/main/docs/LICENSE'
            ReleaseNotes = 'https://github.com/bitrix24-powershell/Bitrix24/blob/main/docs/CHANGELOG.md'
        }
    }
}
