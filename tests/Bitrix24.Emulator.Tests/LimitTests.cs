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

/// <summary>
/// The operating window is settable (<c>--operating-window</c>, <see cref="EmulatorOptions.OperatingWindowSeconds"/>,
/// <c>POST /emulator/limits</c>): the same ten baskets over a shorter window, so a run can meet the budget, wait
/// for <c>operating_reset_at</c> and go on within seconds.
/// </summary>
public sealed class OperatingWindowTests : EmulatorTestBase
{
    // 0.01 s per call, 0.025 s allowed: the 4th call in a window is refused; the window is 2 s (baskets of 0.2 s).
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, OperatingLimitSeconds = 0.025, OperatingCostSeconds = 0.01, OperatingWindowSeconds = 2 };

    [Fact]
    public async Task A_refused_method_is_served_again_once_the_short_window_has_passed()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(200, (await PostJsonAsync(Admin("user.get"), new { ID = 1 })).Status);
        var blocked = await PostJsonAsync(Admin("user.get"), new { ID = 1 });
        AssertError(blocked, 429, "OPERATION_TIME_LIMIT");
        var resetAt = (long)blocked.Body["time"]!["operating_reset_at"]!;
        Assert.InRange(resetAt - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 3);

        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= resetAt)
            await Task.Delay(100);
        var again = await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        Assert.Equal(200, again.Status);
        Assert.True((double)again.Body["time"]!["operating"]! <= 0.03);
    }

    [Fact]
    public async Task The_control_API_shows_and_changes_the_budget_counted_afresh()
    {
        var limitsUrl = new Uri(Server.BaseUrl, "emulator/limits").ToString();
        for (var i = 0; i < 4; i++)
            await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        var shown = await GetAsync(limitsUrl);
        var changed = await PostJsonAsync(limitsUrl, new { operatingWindow = 60, operatingLimit = 0.045 });
        var refused = await PostJsonAsync(limitsUrl, new { operatingWindow = 0 });
        var unknown = await PostJsonAsync(limitsUrl, new { rate = 5 });
        var calls = new List<int>();
        for (var i = 0; i < 6; i++)
            calls.Add((await PostJsonAsync(Admin("user.get"), new { ID = 1 })).Status);
        var answer = await PostJsonAsync(Admin("user.get"), new { ID = 1 });

        Assert.Equal(2, (double)shown.Body["operatingWindow"]!);
        Assert.Equal(0.025, (double)shown.Body["operatingLimit"]!);
        Assert.Equal(0.01, (double)shown.Body["operatingCost"]!);
        Assert.Equal(1_000_000, (double)shown.Body["rate"]!);
        Assert.Equal(60, (double)changed.Body["operatingWindow"]!);
        Assert.Equal(400, refused.Status);
        Assert.Contains("--operating-window", (string?)refused.Body["error"]);
        Assert.Equal(400, unknown.Status);
        Assert.Equal(60, Server.Options.OperatingWindowSeconds);
        Assert.Equal([200, 200, 200, 200, 200, 429], calls); // afresh: 5 calls fit 0.045 s
        Assert.InRange((long)answer.Body["time"]!["operating_reset_at"]! - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 55, 61);
    }

    [Fact]
    public void Ten_baskets_of_a_tenth_of_the_window_each_expire_one_by_one()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var operating = new Limits.OperatingTime(new EmulatorOptions { OperatingLimitSeconds = 1, OperatingCostSeconds = 0.5, OperatingWindowSeconds = 60 }, clock);
        var start = clock.GetUtcNow().ToUnixTimeSeconds();

        var first = operating.Charge(1, "m");         // basket of second 0–6
        clock.Advance(TimeSpan.FromSeconds(7));
        var second = operating.Charge(1, "m");        // basket of second 6–12
        var third = operating.Charge(1, "m");         // 1.5 > 1 afterwards
        var refused = operating.Charge(1, "m");
        clock.Advance(TimeSpan.FromSeconds(53));      // second 60: the first basket is out
        var afterFirst = operating.Charge(1, "m");

        Assert.Equal((0.5, start + 60, false), (first.Operating, first.ResetAt, first.Blocked));
        Assert.Equal((1.0, 1.5), (second.Operating, third.Operating));
        Assert.True(refused.Blocked);
        Assert.Equal((1.5, start + 67, false), (afterFirst.Operating, afterFirst.ResetAt, afterFirst.Blocked));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
