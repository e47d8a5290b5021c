using System.Net.Http;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Tests.Seams;

/// <summary>A test double of an OAuth credential: puts <c>auth=token</c> on the URL, and on renewal waits a
/// little (so concurrent callers pile up on it) and rotates to the next token.</summary>
internal sealed class RotatingTokenCredential : RenewableCredential
{
    private int generation;
    private int renewCalls;

    public RotatingTokenCredential() => RememberSecret(Token);

    public override Uri Portal { get; } = new("https://example.bitrix24.com/");
    public override int UserId => 1;
    public override string AuthType => "OAuth";
    public override string MaskedUrl => "https://example.bitrix24.com/rest/ (OAuth)";

    /// <summary>The token now in use (a secret: never printed).</summary>
    public string Token => "t0ken" + Volatile.Read(ref generation) + "rotating";

    public int RenewCalls => Volatile.Read(ref renewCalls);

    private protected override Task ApplyCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(request.RequestUri!.AbsoluteUri + "?auth=" + Token);
        return Task.CompletedTask;
    }

    private protected override async Task RenewCoreAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref renewCalls);
        await Task.Delay(50, cancellationToken);
        Interlocked.Increment(ref generation);
        RememberSecret(Token);
    }
}
