using System.Collections;
using Bitrix24.Emulator;

namespace Bitrix24.Client.Tests.EndToEnd;

/// <summary>The portal's bucket is per portal and IP, so every client of one portal in this process shares one
/// client-side bucket (two runspaces of ForEach-Object -Parallel, say).</summary>
public class SharedPacingTests : EmulatorClientTestBase
{
    // 20/s keeps the test short. The client holds 9 tokens (a burst of 10 less its margin); the portal takes 14 at
    // once. Two private buckets would send 18 at once and overflow it; one shared bucket sends 9, and the 5 to
    // spare absorb requests that a loaded machine delays into one cluster at the portal (opening 18 connections
    // at once can take a few hundred ms, CI failed once on the portal's burst of 10).
    protected override EmulatorOptions EmulatorOptions => new() { Rate = 20, Burst = 14 };

    protected override B24ClientOptions ClientOptions => new() { RequestsPerSecond = 20, Burst = 10, MaxRetries = 0 };

    private static readonly Hashtable OwnUser = new() { ["FILTER"] = new Hashtable { ["ID"] = 1 } };

    [Fact]
    public async Task Two_clients_of_one_portal_calling_at_once_stay_within_its_bucket()
    {
        using var second = Connect(Server.WebhookUrl);

        await Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.CallAsync("user.get", OwnUser))),
            Task.WhenAll(Enumerable.Range(0, 20).Select(_ => second.CallAsync("user.get", OwnUser))));

        var stats = Server.GetStats();
        Assert.Equal(40, stats.TotalRequests);
        Assert.Equal(0, stats.Sent503);
    }

    [Fact]
    public async Task Disposing_one_client_leaves_the_shared_bucket_to_the_other()
    {
        var first = Connect(Server.WebhookUrl);
        first.Dispose();

        var response = await Client.CallAsync("user.get", OwnUser);

        Assert.Equal(1, response.Result.GetArrayLength());
    }
}
