using System.Text;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// The portal's faults, injected by the emulator, against a listing and a bulk write: reads come back exact
/// (every row once), and every piped write ends done or reported on its own — none executed twice. The log
/// line of each case gives the counts the closing note quotes.
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper log) : PortalTest(log)
{
    private const int Workflows = 3000;   // two listing requests

    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = Workflows });

    // Fast retries: the module's own back-off would make the storms take seconds.
    private const string FastConnect = "Connect-B24 -Url $webhook -RequestsPerSecond 1000 -Burst 1000 -MaxRetries 5\n";

    private void Fault(string rule)
    {
        using var http = new HttpClient { BaseAddress = Portal.BaseUrl };
        using var response = http.PostAsync("/emulator/faults", new StringContent(rule, Encoding.UTF8, "application/json")).Result;
        Assert.True(response.IsSuccessStatusCode, response.Content.ReadAsStringAsync().Result);
    }

    public static TheoryData<string> Transient => new()
    {
        "\"kind\":\"queryLimit\",\"times\":3",
        "\"kind\":\"internalError\",\"times\":2",
        "\"kind\":\"html502\",\"times\":2",
        "\"kind\":\"html504\",\"times\":2",
        "\"kind\":\"reset\",\"times\":2",
        "\"kind\":\"malformedJson\",\"times\":2",
        "\"when\":\"after\",\"truncateAt\":200,\"times\":2",
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void A_listing_through_transient_faults_returns_every_row_exactly_once(string fault)
    {
        // The listing's second request (rows 2,501-3,000) meets the fault.
        Fault("{\"method\":\"batch\",\"nth\":2," + fault + "}");

        var values = RunOk(FastConnect + "$ids = Get-B24Workflow | ForEach-Object Id; $ids.Count; ($ids | Sort-Object -Unique).Count");

        var fired = Portal.GetStats().FaultsFired;
        Log.WriteLine($"read {fault}: faults {fired}, rows {values[0]}, unique {values[1]}");
        Assert.True(fired >= 2, "the fault fired");
        Assert.Equal([Workflows, Workflows], values);
    }

    public static TheoryData<string, bool> WriteFaults => new()
    {
        // fault, whether the portal ran the hit batch before the fault
        { "\"kind\":\"queryLimit\",\"times\":3", false },
        { "\"kind\":\"html502\"", false },
        { "\"kind\":\"html504\",\"when\":\"after\"", true },
        { "\"kind\":\"reset\"", false },
        { "\"kind\":\"reset\",\"when\":\"after\"", true },
        { "\"kind\":\"malformedJson\",\"when\":\"after\"", true },
        { "\"when\":\"after\",\"truncateAt\":200", true },
    };

    [Theory]
    [MemberData(nameof(WriteFaults))]
    public void A_bulk_write_through_faults_ends_every_item_done_or_reported_and_runs_none_twice(string fault, bool ranFirst)
    {
        // Batch request 1 and 2 list; 3 is the first batch of terminates.
        Fault("{\"method\":\"batch\",\"nth\":3," + fault + "}");

        var result = Run(FastConnect + """
            Get-B24Workflow | Stop-B24Workflow -Confirm:$false -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Measure-Object | ForEach-Object Count
            $failed.Count
            """);

        Assert.False(result.HadTerminatingError, result.ToString());
        var (done, reported) = ((int)result.Values.ElementAt(0)!, (int)result.Values.ElementAt(1)!);
        var executions = Portal.Portal.TerminationCounts();
        Log.WriteLine($"write {fault} (ran first: {ranFirst}): faults {Portal.GetStats().FaultsFired}, piped {Workflows}, done {done}, reported {reported}, "
            + $"duplicates {executions.Values.Count(n => n > 1)}");
        Assert.Equal(Workflows, done + reported);
        Assert.Equal(0, reported);
        Assert.All(executions.Values, n => Assert.Equal(1, n));
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
    }

    [Fact]
    public void An_overload_block_stops_the_command_at_once_and_calls_the_portal_no_more()
    {
        Fault("{\"method\":\"batch\",\"nth\":3,\"kind\":\"overload\"}");

        var result = Run(FastConnect + """
            try { Get-B24Workflow | Stop-B24Workflow -Confirm:$false; 'not reached' } catch { $_.FullyQualifiedErrorId }
            $stats.Invoke()
            try { Get-B24User -First 1 -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }
            """, new { stats = new Func<long>(() => Portal.GetStats().TotalRequests) });

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.StartsWith("OVERLOAD_LIMIT,", (string)result.Values.ElementAt(0)!);
        Assert.StartsWith("OVERLOAD_LIMIT,", (string)result.Values.ElementAt(2)!);
        Assert.DoesNotContain("not reached", result.Values.OfType<string>());
        // Connect-B24's check, two listing requests, the refused batch (a terminate batch or the listing's batch
        // ahead) and at most the four in flight beside it; after the block, nothing more reaches the portal.
        var atBlock = Convert.ToInt64(result.Values.ElementAt(1));
        Assert.InRange(atBlock, 4, 8);
        Assert.Equal(atBlock, Portal.GetStats().TotalRequests);
    }
}
