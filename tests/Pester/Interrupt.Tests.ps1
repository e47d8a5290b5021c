#Requires -Version 7.0

# Ctrl+C in real pwsh. The console host answers Ctrl+C by stopping the running pipeline (StopProcessing on each
# of its commands); PowerShell.Stop() on a runspace does exactly that, so the scenario runs in a child pwsh, in a
# runspace on the child's console host (what the user would see comes out on its output). The emulator answers
# each request after 800 ms and holds one batch of terminates back (a fault), so when the stop comes the batches
# before it are written, it is unanswered and the three after it are answered and not yet written (results are
# written in input order). No timing is asserted: "Stop returns" is a hang check.
# The ids are listed first and piped from a file: a listing in the same pipeline would race its prefetch with
# the terminates for the place the fault picks.
Describe 'Ctrl+C during a bulk Stop-B24Workflow of 1,000 (PowerShell.Stop in real pwsh)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 1000 -ExtraArguments @('--latency-ms', '800')
        Initialize-TestSession $emulator
        $listed = @((Get-B24Workflow).Id)   # the order the pipeline sends them in
        $idFile = Join-Path ([System.IO.Path]::GetTempPath()) ('b24-interrupt-' + [guid]::NewGuid().ToString('N') + '.txt')
        Set-Content -LiteralPath $idFile -Value $listed
        Reset-Emulator $emulator   # the same seed: the same workflows, counters at 0
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/faults" -ContentType 'application/json' `
            -Body '{"method":"batch","nth":2,"delayMs":60000}'

        $env:B24_WEBHOOK_URL = $emulator.Webhook   # the child connects from it: the code is never on a command line
        $env:B24_TEST_MANIFEST = $ManifestPath
        $env:B24_TEST_STATS = "$($emulator.Base)/emulator/stats"
        $env:B24_TEST_IDS = $idFile
        try {
            $lines = Invoke-ChildPwsh -AsFile @'
$ErrorActionPreference = 'Stop'
$runspace = [runspacefactory]::CreateRunspace($Host)
$runspace.Open()
$ps = [powershell]::Create()
$ps.Runspace = $runspace
$null = $ps.AddScript('Import-Module $env:B24_TEST_MANIFEST; Get-Content $env:B24_TEST_IDS | Stop-B24Workflow -Confirm:$false -PassThru')
$written = [System.Management.Automation.PSDataCollection[psobject]]::new()
$inputs = [System.Management.Automation.PSDataCollection[psobject]]::new()
$inputs.Complete()
$null = $ps.BeginInvoke($inputs, $written)
# Four batches of terminates have reached the portal (one is held back); let the answers of the others come.
$deadline = [DateTime]::UtcNow.AddMinutes(2)
while ((Invoke-RestMethod $env:B24_TEST_STATS).requestsByMethod.batch -lt 4 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
Start-Sleep -Milliseconds 300
$stopped = $ps.BeginStop($null, $null).AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30))
$atStop = Invoke-RestMethod $env:B24_TEST_STATS
Start-Sleep -Seconds 2
$later = Invoke-RestMethod $env:B24_TEST_STATS
$shown = "$($ps.Runspace.CreatePipeline('Get-B24Connection | Out-String -Width 300').Invoke())"
$report = $ps.Runspace.CreatePipeline('(Get-B24Connection).GetLastInterrupted() | ForEach-Object { [pscustomobject]@{ Target = "$($_.Target)"; Outcome = "$($_.Outcome)"; Method = $_.Method; Command = $_.Command } }').Invoke()
'RESULT ' + ([pscustomobject]@{
    Stopped = $stopped; State = "$($ps.InvocationStateInfo.State)"
    Written = @($written | ForEach-Object { "$_" }); Reported = @($report); Shown = $shown
    RequestsAtStop = $atStop.totalRequests; RequestsLater = $later.totalRequests
} | ConvertTo-Json -Depth 4 -Compress)
'@
        }
        finally {
            $env:B24_WEBHOOK_URL = $null
            Remove-Item -LiteralPath $idFile -ErrorAction SilentlyContinue
        }
        $result = ($lines | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1).Substring(7) | ConvertFrom-Json
        $warnings = @($lines | Where-Object { $_ -like '*WARNING:*' })
        $written = @($result.Written)
        $reported = @($result.Reported)
        $sent = $written.Count + $reported.Count
        $stats = Get-EmulatorStats $emulator
        $outcomes = ($reported | Group-Object Outcome | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '
        Write-Host "Interrupt: piped $($listed.Count), written $($written.Count), reported $($reported.Count) ($outcomes), requests at stop $($result.RequestsAtStop), later $($result.RequestsLater)"
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        Stop-TestEmulator $emulator
    }

    It 'stops: Stop returns and the pipeline ends stopped' {
        $result.Stopped | Should -BeTrue
        $result.State | Should -Be 'Stopped'
    }

    It 'leaves no background work: the portal receives no request after the stop' {
        $result.RequestsLater | Should -Be $result.RequestsAtStop
        $stats.totalRequests | Should -Be $result.RequestsAtStop
    }

    It 'stopped with whole batches written and the four in flight sent and not written' {
        # The held-back request is the second to reach the portal: usually the second batch, but the four sent
        # together may arrive in any order. The batches before it are written; it and the three after it are not.
        $written.Count % 50 | Should -Be 0
        $written.Count | Should -BeLessOrEqual 150
        $reported.Count | Should -Be 200
    }

    It 'reports exactly the items sent and not written: sent = written before the stop + reported at the stop' {
        # Batches go out in input order, 50 items each: what was sent is the first batches of the listing.
        $sent % 50 | Should -Be 0
        @($written + $reported.Target) | Should -Be @($listed | Select-Object -First $sent)
        $reported.Command | Select-Object -Unique | Should -Be 'Stop-B24Workflow'
        $reported.Method | Select-Object -Unique | Should -Be 'bizproc.workflow.terminate'
    }

    It 'reports each as done or outcome unknown, and done ones did run' {
        # The held-back batch (the oldest not written) never ran: the stop ended it, so nothing can show it ran.
        $reported[0..49].Outcome | Select-Object -Unique | Should -Be 'OutcomeUnknown'
        $reported.Outcome | Where-Object { $_ -notin 'Done', 'OutcomeUnknown' } | Should -BeNullOrEmpty
        $running = @((Get-B24Workflow).Id)
        $done = @($reported | Where-Object Outcome -eq 'Done').Target
        $done | Where-Object { $_ -in $running } | Should -BeNullOrEmpty
        # Everything the portal terminated is among what was written or reported: nothing is forgotten.
        $listed | Where-Object { $_ -notin $running } | Where-Object { $_ -notin @($written + $reported.Target) } | Should -BeNullOrEmpty
    }

    It 'runs none twice: every terminate the portal received ran, once per workflow' {
        $terminated = 1000 - @(Get-B24Workflow).Count
        $stats.writesByMethod.'bizproc.workflow.terminate' | Should -Be $terminated
        $stats.callsByMethod.'bizproc.workflow.terminate' | Should -Be $terminated
    }

    It 'says so on the host: one warning with the counts and where the list is' {
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -Match "Stop-B24Workflow stopped with $($reported.Count) items sent and not written"
        $warnings[0] | Should -Match 'GetLastInterrupted'
    }

    It 'shows it on the connection' {
        $result.Shown | Should -Match "LastInterrupted : Stop-B24Workflow: $($reported.Count) items sent and not written \("
    }
}
