<#
.SYNOPSIS
    A tour of the Bitrix24 module: connect, look around, start workflows, then stop every running one.

.DESCRIPTION
    Run it against the emulated portal (no Bitrix24 account needed):

        dotnet run --project tests/Bitrix24.ScriptHost -c Release

    or against your own portal, with an administrator's inbound webhook (it stops EVERY running workflow):

        $env:B24_WEBHOOK_URL = 'https://your.bitrix24.com/rest/1/your-webhook-code/'
        ./docs/examples/Demo.ps1

    The script only uses the module and the language itself, and reports by emitting strings.
#>
[CmdletBinding()]
param(
    # How many new workflows to start before stopping them all.
    [int] $StartCount = 3
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module Bitrix24)) {
    # Not installed? Use the one `dotnet build` lays out in the repository.
    Import-Module (Join-Path $PSScriptRoot '../../out/Bitrix24/Bitrix24.psd1')
}

# 1. Connect. Without -Url, Connect-B24 reads the webhook from $env:B24_WEBHOOK_URL and checks it with one call.
Connect-B24
$connection = Get-B24Connection
"Connected to $($connection.Portal) as user $($connection.UserId) ($($connection.Endpoint))"

# 2. Business process templates.
$templates = @(Get-B24WorkflowTemplate)
"Templates: $($templates.Count)"
$templates | ForEach-Object { "  #$($_.Id) $($_.Name) ($($_.ModuleId) / $($_.Entity))" }

# 3. Start a few workflows: take documents that already run one, start the same template on them again.
#    A listed workflow's TemplateId, ModuleId, Entity and DocumentId bind by property name, just as the
#    columns of Import-Csv would.
$started = @(Get-B24Workflow -First $StartCount | Start-B24Workflow -Parameters @{ Comment = 'Started by Demo.ps1' } -Confirm:$false)
"Started $($started.Count) workflow(s): $(($started | ForEach-Object { $_.Id }) -join ', ')"

# 4. Count what is running. -IncludeTotalCount asks the portal for the total without reading every row.
$total = @(Get-B24Workflow -IncludeTotalCount -First 1)[0]
"Running workflows: $([uint64]$total)"

# 5. The main job: stop every running workflow. Rows stream from the listing straight into batched
#    bizproc.workflow.terminate calls (50 per request), within the portal's rate limit.
Get-B24Workflow | Stop-B24Workflow -Status 'Stopped by Demo.ps1' -Confirm:$false

# 6. Check and report.
$left = @(Get-B24Workflow).Count
"Running workflows after the stop: $left"
if ($left -eq 0) { 'Done: no workflow is running.' } else { "Some workflows are still running: $left" }

Disconnect-B24
