using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// A portal whose operating-time budget lets 51 calls of a method run per 2-second window (0.5 s at 0.01 s a
/// call, the same shape as the cloud's 480 s per 10 minutes): bulk work and listings slow to the budget and
/// finish, nothing fails, nothing runs twice.
/// </summary>
public sealed class OperatingBudgetTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions
    {
        SeedWorkflows = 200,
        OperatingLimitSeconds = 0.5,
        OperatingCostSeconds = 0.01,
        OperatingWindowSeconds = 2,
    });

    [Fact]
    public void Terminating_four_windows_worth_finishes_every_item_once_and_says_what_it_waited_for()
    {
        var result = Run(Connect + """
            Get-B24Workflow | Stop-B24Workflow -Confirm:$false -PassThru -Verbose 4>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { if ($_.Message -like 'Waiting*') { 'waited' } } else { 'done' } }
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(200, result.Values.Count(v => (string)v! == "done"));
        Assert.Contains("waited", result.Values);
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.All(Portal.Portal.TerminationCounts().Values, n => Assert.Equal(1, n));
        Assert.Equal(200, Portal.Portal.TerminationCounts().Count);
    }

    [Fact]
    public void A_listing_refused_for_time_resumes_where_it_stopped()
    {
        Portal.Portal.SeedWorkflows(2800);   // 3,000 rows: 60 pages, more than one window's 51
        var values = RunOk(Connect + "$ids = Get-B24Workflow | ForEach-Object Id; $ids.Count; ($ids | Sort-Object -Unique).Count");

        Assert.Equal([3000, 3000], values);
    }
}
