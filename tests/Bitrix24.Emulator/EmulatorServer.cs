namespace Bitrix24.Emulator;

/// <summary>
/// A running emulated portal. Tests start one in-process; the program (Program.cs) starts one and prints its
/// webhook. Bound to 127.0.0.1 only.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private EmulatorServer() { }

    /// <summary>Starts listening; returns once requests can be served.</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl => throw new NotImplementedException();

    /// <summary>Webhook of user 1, an administrator: http://127.0.0.1:PORT/rest/1/CODE/</summary>
    public string WebhookUrl => throw new NotImplementedException();

    /// <summary>Webhook of user 2, not an administrator (bizproc methods answer ACCESS_DENIED).</summary>
    public string NonAdminWebhookUrl => throw new NotImplementedException();

    /// <summary>The in-memory portal, for seeding and for assertions.</summary>
    public PortalState Portal => throw new NotImplementedException();

    public EmulatorStats GetStats() => throw new NotImplementedException();

    /// <summary>Clears counters and data, then seeds again as the options say.</summary>
    public void Reset() => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
