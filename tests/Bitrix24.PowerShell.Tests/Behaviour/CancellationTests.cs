using Bitrix24.Emulator;
using Bitrix24.ScriptHost;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Ctrl+C (PowerShell.Stop) cancels the request in flight instead of waiting for it.</summary>
public sealed class CancellationTests(ITestOutputHelper log) : PortalTest(log)
{
    // Every request takes 2 s, so a stop always lands while one is in flight; 3,000 workflows take two
    // listing requests (2,500 rows each).
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 3000, LatencyMs = 2000 });

    [Fact]
    public async Task Stopping_a_listing_mid_request_ends_the_pipeline_without_hanging()
    {
        using var runner = new PowerShellRunner();
        var vars = new Dictionary<string, object?> { ["webhook"] = Portal.WebhookUrl };
        var run = Task.Run(() => runner.Run(Connect + "Get-B24Workflow | ForEach-Object { $_.Id }\n'not reached'", vars));

        // Wait until Connect-B24's check and the listing's first request are through: the second is in flight.
        Assert.True(SpinWait.SpinUntil(() => Portal.GetStats().TotalRequests >= 2 || run.IsCompleted, TimeSpan.FromSeconds(30)));
        Thread.Sleep(200);
        runner.Stop();

        // A hang check, not a speed assertion: the pending 2 s request must not be waited out, and never twice.
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "the stopped pipeline did not end");
        var result = await run;
        Assert.True(result.Stopped, result.ToString());
        Assert.DoesNotContain("not reached", result.Values);
    }

    [Fact]
    public async Task Stopping_a_bulk_write_with_batches_in_flight_ends_at_once_and_leaves_nothing_running()
    {
        using var runner = new PowerShellRunner();
        var vars = new Dictionary<string, object?> { ["webhook"] = Portal.WebhookUrl };
        var run = Task.Run(() => runner.Run(Connect + "Get-B24Workflow | Stop-B24Workflow -Confirm:$false\n'not reached'", vars));

        // Connect-B24's check and the two listing requests are through; terminate batches are in flight.
        Assert.True(SpinWait.SpinUntil(() => Portal.GetStats().TotalRequests >= 4 || run.IsCompleted, TimeSpan.FromSeconds(60)));
        runner.Stop();

        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "the stopped pipeline did not end");
        var result = await run;
        Assert.True(result.Stopped, result.ToString());
        // No background work goes on sending: the requests the portal sees stop growing.
        var after = Portal.GetStats().TotalRequests;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(after, Portal.GetStats().TotalRequests);
    }

    [Fact]
    public void Items_sent_and_not_written_when_the_pipeline_is_cut_are_kept_on_the_connection()
    {
        // Select-Object -First 1 ends the pipeline at the first id written: the other 49 of that batch are
        // answered (done) and cannot be written; batches after it may be in flight.
        var values = RunOk(Connect + """
            $first = Get-B24Workflow | Stop-B24Workflow -Confirm:$false -PassThru | Select-Object -First 1
            $kept = (Get-B24Connection).GetLastInterrupted()
            $kept.Count
            @($kept | Select-Object -First 49 | Where-Object Outcome -eq Done | Where-Object { $_.Result -eq $_.Target }).Count
            @($kept | Where-Object Target -eq $first).Count
            @($kept | Where-Object Command -ne 'Stop-B24Workflow').Count
            """);

        var kept = (int)values[0]!;
        Log.WriteLine($"cut after 1 written: {kept} kept, {Portal.GetStats().WritesByMethod["bizproc.workflow.terminate"]} terminates ran");
        Assert.True(kept >= 49 && (kept - 49) % 50 == 0, kept + " kept");
        Assert.Equal([49, 0, 0], values.Skip(1).Cast<int>());
    }
}
