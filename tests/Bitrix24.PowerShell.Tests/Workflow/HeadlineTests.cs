using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>The job the module exists for, against a portal with real limits (2 requests/s, burst 50).</summary>
public sealed class HeadlineTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => new() { SeedWorkflows = 1000 }; // real limits

    [Fact]
    public void Stopping_1000_running_workflows_streams_in_batches_within_the_rate_limit()
    {
        Assert.Equal(1000, Portal.Portal.RunningWorkflowIds().Count);

        // Default client limits, as a user would connect.
        var result = Run("""
            Connect-B24 -Url $webhook
            Get-B24Workflow | Stop-B24Workflow -Confirm:$false
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Output);
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        var terminations = Portal.Portal.TerminationCounts();
        Assert.Equal(1000, terminations.Count);
        Assert.All(terminations, pair => Assert.Equal(1, pair.Value));

        var stats = Portal.GetStats();
        Log.WriteLine($"HTTP requests: {stats.TotalRequests} (by method: "
            + string.Join(", ", stats.RequestsByMethod.Select(p => p.Key + "=" + p.Value)) + $"); 503s: {stats.Sent503}");
        Assert.Equal(0, stats.Sent503);
        Assert.True(stats.TotalRequests <= 30, $"{stats.TotalRequests} HTTP requests, expected at most 30");
    }
}
