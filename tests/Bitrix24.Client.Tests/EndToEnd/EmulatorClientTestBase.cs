using System.Collections.Concurrent;
using Bitrix24.Emulator;

namespace Bitrix24.Client.Tests.EndToEnd;

/// <summary>
/// A fresh emulator per test and a client connected to it as the administrator. Neither paces unless the
/// test is about pacing (the leaky bucket makes real waits).
/// </summary>
public abstract class EmulatorClientTestBase : IAsyncLifetime
{
    protected EmulatorServer Server { get; private set; } = null!;

    protected B24Client Client { get; private set; } = null!;

    /// <summary>Every line the client logged.</summary>
    protected ConcurrentQueue<string> Log { get; } = new();

    protected virtual EmulatorOptions EmulatorOptions => new() { Rate = 1_000_000, Burst = 1_000_000 };

    protected virtual B24ClientOptions ClientOptions => new() { RequestsPerSecond = 1_000_000, Burst = 1_000_000 };

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(EmulatorOptions);
        Client = Connect(Server.WebhookUrl);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    protected B24Client Connect(string webhookUrl, B24ClientOptions? options = null)
    {
        options ??= ClientOptions;
        options.Log = Log.Enqueue;
        return B24Client.FromWebhook(webhookUrl, options);
    }

    protected static async Task<List<T>> Items<T>(IAsyncEnumerable<Paging.B24Page<T>> pages)
    {
        var items = new List<T>();
        await foreach (var page in pages)
            items.AddRange(page.Items);
        return items;
    }
}
