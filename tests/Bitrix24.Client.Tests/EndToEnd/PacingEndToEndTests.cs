using System.Collections;
using Bitrix24.Emulator;

namespace Bitrix24.Client.Tests.EndToEnd;

public class PacingEndToEndTests : EmulatorClientTestBase
{
    protected override EmulatorOptions EmulatorOptions => new() { Rate = 2, Burst = 10 };

    protected override B24ClientOptions ClientOptions => new() { RequestsPerSecond = 2, Burst = 10, RetryBaseDelay = TimeSpan.FromMilliseconds(300) };

    private static readonly Hashtable OwnUser = new() { ["FILTER"] = new Hashtable { ["ID"] = 1 } };

    [Fact]
    public async Task Sequential_calls_past_the_burst_never_hit_the_limit()
    {
        for (var i = 0; i < 30; i++)
            await Client.CallAsync("user.get", OwnUser);

        var stats = Server.GetStats();
        Assert.Equal(30, stats.TotalRequests);
        Assert.Equal(0, stats.Sent503);
    }

    [Fact]
    public async Task A_503_storm_from_another_client_is_survived_by_retry()
    {
        // Another script on the same IP ignores the limits until it has been refused for a while.
        using var rogue = Connect(Server.WebhookUrl, new B24ClientOptions { RequestsPerSecond = 1_000_000, Burst = 1_000_000, MaxRetries = 0 });
        using var stormOver = new CancellationTokenSource();
        var storm = Task.Run(async () =>
        {
            while (!stormOver.IsCancellationRequested)
            {
                try { await rogue.CallAsync("user.current"); }
                catch (Errors.B24Exception) { }
            }
        });
        // The storm is on once the portal refuses requests; it then lasts one more second.
        while (Server.GetStats().Sent503 == 0)
            await Task.Delay(10);
        stormOver.CancelAfter(TimeSpan.FromSeconds(1));

        var retries = new List<string>();
        Errors.B24Exception? failure = null;
        using (B24Log.Capture(line => { if (line.StartsWith("Retry", StringComparison.Ordinal)) lock (retries) retries.Add(line); }))
        {
            try { await Client.CallAsync("user.get", OwnUser); }
            catch (Errors.B24Exception e) { failure = e; }
        }
        await storm;

        Assert.Null(failure);
        Assert.NotEmpty(retries);
    }
}
