using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class LeakyBucketTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1, Burst = 5 };

    [Fact]
    public async Task BurstIsServedThenQueryLimitExceeded()
    {
        var responses = new List<WireResponse>();
        for (var i = 0; i < 10; i++)
            responses.Add(await PostJsonAsync(Admin("user.get"), new { ID = 1 }));

        Assert.All(responses.Take(5), r => Assert.Equal(200, r.Status));
        var refused = responses.Where(r => r.Status == 503).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => AssertError(r, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
        Assert.Equal(refused.Count, Server.GetStats().Sent503);
    }

    [Fact]
    public async Task BatchIsOneRequestForTheBucket()
    {
        var cmd = Enumerable.Range(0, 50).ToDictionary(i => "k" + i, _ => "user.get?ID=1");

        var response = await PostJsonAsync(Admin("batch"), new { cmd });

        Assert.Equal(200, response.Status);
        Assert.Equal(50, response.Result["result"]!.AsObject().Count);
        Assert.Equal(0, Server.GetStats().Sent503);
    }

    [Fact]
    public async Task AllWebhooksShareOneBucket()
    {
        for (var i = 0; i < 5; i++)
            await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        AssertError(await PostJsonAsync(NonAdmin("user.get"), new { ID = 1 }), 503, "QUERY_LIMIT_EXCEEDED");
    }
}

public sealed class OperatingLimitTests : EmulatorTestBase
{
    // 0.01 s per call: the 3rd call lifts the sum to 0.03 > 0.025, so the 4th is refused.
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, OperatingLimitSeconds = 0.025, OperatingCostSeconds = 0.01 };

    [Fact]
    public async Task MethodIsBlockedOnceItsOperatingTimeExceedsTheLimit()
    {
        var ok = new List<WireResponse>();
        for (var i = 0; i < 3; i++)
            ok.Add(await PostJsonAsync(Admin("user.get"), new { ID = 1 }));
        var blocked = await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        Assert.All(ok, r => Assert.Equal(200, r.Status));
        Assert.Equal(new[] { 0.01, 0.02, 0.03 }, ok.Select(r => Math.Round((double)r.Body["time"]!["operating"]!, 3)));
        AssertError(blocked, 429, "OPERATION_TIME_LIMIT");
        var resetAt = (long)blocked.Body["time"]!["operating_reset_at"]!;
        Assert.InRange(resetAt - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 500, 601);
        Assert.Equal(1, Server.GetStats().Sent429);
    }

    [Fact]
    public async Task OtherMethodsAndOtherWebhooksKeepTheirOwnBudget()
    {
        for (var i = 0; i < 4; i++)
            await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        Assert.Equal(200, (await PostJsonAsync(Admin("user.current"), null)).Status);
        Assert.Equal(200, (await PostJsonAsync(NonAdmin("user.get"), new { ID = 1 })).Status);
    }

    [Fact]
    public async Task SubCallsAreChargedToTheirOwnMethodAndFailInsideTheBatch()
    {
        var cmd = Enumerable.Range(0, 5).ToDictionary(i => "k" + i, _ => "user.get?ID=1");

        var response = await PostJsonAsync(Admin("batch"), new { cmd });

        Assert.Equal(200, response.Status);
        Assert.Equal(new[] { "k0", "k1", "k2" }, response.Result["result"]!.AsObject().Select(p => p.Key));
        Assert.Equal("OPERATION_TIME_LIMIT", (string?)response.Result["result_error"]!["k3"]!["error"]);
        Assert.Equal(0, (double)response.Body["time"]!["operating"]!);
        Assert.Equal(2, Server.GetStats().Sent429);
    }
}
