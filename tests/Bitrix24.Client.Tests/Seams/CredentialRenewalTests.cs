using Bitrix24.Client.Errors;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Seams;

public class CredentialRenewalTests
{
    private static B24Client Create(RotatingTokenCredential credential, MockHandler handler, List<string>? log = null)
        => new(credential, new B24ClientOptions
        {
            RequestsPerSecond = 10_000,
            Burst = 10_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Log = log is null ? null : line => { lock (log) log.Add(line); },
        }, handler);

    /// <summary>The portal of the test: only the current token is accepted, any other is expired.</summary>
    private static MockHandler PortalAccepting(RotatingTokenCredential credential)
        => new((request, _) => request.Uri.Query.EndsWith("auth=" + credential.Token, StringComparison.Ordinal)
            ? Responses.Result("true")
            : Responses.Error(401, "expired_token", "The access token provided has expired."));

    [Fact]
    public async Task Concurrent_callers_that_hit_expired_token_share_one_renewal_and_all_succeed()
    {
        var credential = new RotatingTokenCredential();
        var initial = credential.Token;
        // The portal has already rotated past the initial token: every caller is refused once.
        var handler = new MockHandler((request, _) => request.Uri.Query.EndsWith("auth=" + initial, StringComparison.Ordinal)
            ? Responses.Error(401, "expired_token", "The access token provided has expired.")
            : Responses.Result("true"));
        using var client = Create(credential, handler);

        var calls = Enumerable.Range(0, 20).Select(_ => client.CallAsync("user.current")).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.True(r.Result.GetBoolean()));
        Assert.Equal(1, credential.RenewCalls);
        Assert.Equal(1, credential.Renewals);
        // Each caller was refused once at most, then went again with the renewed token.
        Assert.InRange(handler.Requests.Count, 21, 40);
    }

    [Fact]
    public async Task A_renewal_is_done_once_per_call_and_a_second_expiry_stands()
    {
        var credential = new RotatingTokenCredential();
        var handler = MockHandler.Sequence(() => Responses.Error(401, "expired_token", "The access token provided has expired."));
        using var client = Create(credential, handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.current"));

        Assert.Equal(B24ErrorCodes.ExpiredToken, error.Code);
        Assert.Equal(1, credential.RenewCalls);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task The_log_masks_the_current_and_the_rotated_out_tokens()
    {
        var credential = new RotatingTokenCredential();
        var rotatedOut = credential.Token;
        var log = new List<string>();
        using var client = Create(credential, PortalAccepting(credential), log);

        await client.CallAsync("user.current");           // accepted with the first token
        await credential.RenewAsync(credential.Renewals, CancellationToken.None); // rotated
        await client.CallAsync("user.current");
        var current = credential.Token;

        Assert.NotEqual(rotatedOut, current);
        Assert.NotEmpty(log);
        Assert.All(log, line => Assert.False(line.Contains(rotatedOut, StringComparison.Ordinal) || line.Contains(current, StringComparison.Ordinal),
            "a log line contains a token"));
        Assert.Equal("***", client.Redact(rotatedOut));
    }

    [Fact]
    public async Task A_webhook_never_renews_and_expired_token_surfaces_after_one_request()
    {
        var handler = MockHandler.Sequence(() => Responses.Error(401, "expired_token", "expired"), () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.current"));

        Assert.Equal(B24ErrorCodes.ExpiredToken, error.Code);
        Assert.Single(handler.Requests);
    }
}
