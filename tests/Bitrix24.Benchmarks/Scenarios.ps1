<#
.SYNOPSIS
    One benchmark scenario, run by tests/Bitrix24.Benchmarks in a fresh `dotnet pwsh` against its emulator.
.DESCRIPTION
    Imports the built module, connects from B24_WEBHOOK_URL with the portal's limits, reads the emulator's counters
    (control API, not counted), runs the scenario's pipeline under a stopwatch, reads the counters again and prints
    one line: "BENCH " and a JSON object (wall and CPU time, rows seen, errors, the counters' differences, peak
    working set). The cold-start scenarios time everything from the script's first line instead.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Scenario,
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $Control,
    [double] $Rate = 2,
    [int] $Burst = 50,
    [string] $Csv = '',
    [int] $Count = 0
)

$clock = [Diagnostics.Stopwatch]::StartNew()
$ErrorActionPreference = 'Stop'

function Write-Bench([hashtable] $Values) {
    Write-Output ('BENCH ' + ($Values | ConvertTo-Json -Compress -Depth 4))
}

if ($Scenario -eq 'cold-rest') {
    # What a script without the module does: one Invoke-RestMethod of the same call.
    $null = Invoke-RestMethod -Method Post -Uri ($env:B24_WEBHOOK_URL + 'user.current')
    Write-Bench @{ coldMs = $clock.Elapsed.TotalMilliseconds }
    return
}

Import-Module $Manifest
Connect-B24 -RequestsPerSecond $Rate -Burst $Burst

if ($Scenario -eq 'cold-module') {
    $null = Invoke-B24Method user.current
    Write-Bench @{ coldMs = $clock.Elapsed.TotalMilliseconds }
    return
}

if ($Scenario -like '*bizproc-task' -and -not (Get-Command Complete-B24BizprocTask -ErrorAction SilentlyContinue)) {
    Write-Bench @{ skipped = 'Get-B24BizprocTask / Complete-B24BizprocTask are not in this build of the module' }
    return
}

$listOrder = @{ ORDER = @{ ID = 'ASC' } }
$before = Invoke-RestMethod "$Control/stats"
$process = [Diagnostics.Process]::GetCurrentProcess()
$cpuBefore = $process.TotalProcessorTime
$failures = [Collections.ArrayList]::new() # -ErrorVariable +failures: every failed item ($Error keeps 256)
$rows = 0
$aborted = $null
$watch = [Diagnostics.Stopwatch]::StartNew()
try {
    switch ($Scenario) {
        'list' { Get-B24Workflow -ErrorAction SilentlyContinue -ErrorVariable +failures | ForEach-Object { $rows++ } }
        # The module's own part of 'list': the same listing collected, with no command downstream.
        'list-alone' { $rows = @(Get-B24Workflow -ErrorAction SilentlyContinue -ErrorVariable +failures).Count }
        # PowerShell's own part of 'list': the same ForEach-Object over as many plain numbers, no module call.
        'foreach-alone' { 1..$Count | ForEach-Object { $rows++ } }
        'stop' { Get-B24Workflow | Stop-B24Workflow -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +failures }
        'csv' { Import-Csv $Csv | Add-B24Task -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +failures | ForEach-Object { $rows++ } }
        'bizproc-task' {
            Get-B24BizprocTask -Status Running | Complete-B24BizprocTask -Status Approved -Comment 'ok' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +failures
        }
        'naive-list' { Invoke-B24Method bizproc.workflow.instances $listOrder -All | ForEach-Object { $rows++ } }
        'naive-stop' {
            foreach ($workflow in @(Invoke-B24Method bizproc.workflow.instances $listOrder -All)) {
                $null = Invoke-B24Method bizproc.workflow.terminate @{ ID = $workflow.ID } -ErrorAction SilentlyContinue -ErrorVariable +failures
            }
        }
        'naive-csv' {
            foreach ($row in Import-Csv $Csv) {
                $fields = @{ TITLE = $row.Title; RESPONSIBLE_ID = [int] $row.ResponsibleId; DESCRIPTION = $row.Description }
                $null = Invoke-B24Method tasks.task.add @{ fields = $fields } -ErrorAction SilentlyContinue -ErrorVariable +failures
            }
        }
        'naive-bizproc-task' {
            foreach ($task in @(Invoke-B24Method bizproc.task.list @{ FILTER = @{ STATUS = 0 } } -All)) {
                $null = Invoke-B24Method bizproc.task.complete @{ TASK_ID = $task.ID; STATUS = 1; COMMENT = 'ok' } -ErrorAction SilentlyContinue -ErrorVariable +failures
            }
        }
        default { throw "Unknown scenario '$Scenario'." }
    }
}
catch {
    $aborted = $_.FullyQualifiedErrorId
}
$watch.Stop()
$process.Refresh()
$cpu = $process.TotalProcessorTime - $cpuBefore
$after = Invoke-RestMethod "$Control/stats"

function Get-Sum($Map) { $sum = 0; foreach ($p in $Map.PSObject.Properties) { $sum += $p.Value }; $sum }
Write-Bench @{
    wallMs = $watch.Elapsed.TotalMilliseconds
    cpuMs = $cpu.TotalMilliseconds
    rows = $rows
    failed = $failures.Count
    firstError = if ($failures.Count) { [string] $failures[0].FullyQualifiedErrorId } else { $null }
    aborted = $aborted
    requests = $after.totalRequests - $before.totalRequests
    sent503 = $after.sent503 - $before.sent503
    sent429 = $after.sent429 - $before.sent429
    writes = (Get-Sum $after.writesByMethod) - (Get-Sum $before.writesByMethod)
    peakWorkingSetMB = [math]::Round($process.PeakWorkingSet64 / 1MB, 1)
}
