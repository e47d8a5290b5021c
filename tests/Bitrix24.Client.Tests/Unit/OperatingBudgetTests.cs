using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Limits;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>The per-method operating-time budget: held back before a refusal, waited out after one, resumed.</summary>
public class OperatingBudgetTests
{
    private static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static string Time(double operating, DateTimeOffset resetAt)
        => "{\"start\":1,\"finish\":1,\"duration\":0,\"processing\":0,\"operating\":" + operating.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",\"operating_reset_at\":" + Unix(resetAt) + "}";

    private static HttpResponseMessage Refused(DateTimeOffset resetAt)
        => Responses.Json("{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked due to operation time limit.\",\"time\":" + Time(481, resetAt) + "}", 429);

    [Fact]
    public async Task A_call_refused_for_time_goes_again_once_the_method_frees_up()
    {
        var handler = MockHandler.Sequence(() => Refused(DateTimeOffset.UtcNow.AddSeconds(1)), () => Responses.Result("true"));
        var log = new List<string>();
        using var client = TestClients.Create(handler, o => o.Log = log.Add);

        Assert.True(await client.CallAsync(WorkflowsApi.Kill("66e4.1")));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(log, l => l.Contains("operating-time budget of bizproc.workflow.kill", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Past_the_wait_limit_the_refusal_surfaces_with_when_it_frees_up()
    {
        var resetAt = DateTimeOffset.UtcNow.AddMinutes(5);
        var handler = MockHandler.Sequence(() => Refused(resetAt), () => Responses.Result("true"));
        using var client = TestClients.Create(handler, o => o.MaxOperatingWait = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(WorkflowsApi.Kill("66e4.1")));

        Assert.Equal(B24ErrorCodes.OperationTimeLimit, error.Code);
        Assert.Contains(resetAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss"), error.Message);
        Assert.Equal(Unix(resetAt), Unix(error.Time!.OperatingResetAt!.Value));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Batch_sub_calls_refused_for_time_are_sent_again_and_the_others_are_not()
    {
        var resetAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var handler = MockHandler.Sequence(
            () => Responses.Result("{\"result\":{\"c0\":true},\"result_error\":{\"c1\":{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"blocked\"}},"
                + "\"result_time\":{\"c0\":" + Time(479, resetAt) + ",\"c1\":" + Time(481, resetAt) + "}}"),
            () => Responses.Result("{\"result\":{\"c1\":true},\"result_error\":[]}"));
        using var client = TestClients.Create(handler);

        var batch = await client.BatchAsync(new[] { WorkflowsApi.Terminate("66e4.1"), WorkflowsApi.Terminate("66e4.2") });

        Assert.All(batch.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        Assert.Equal(2, batch.HttpRequests);
        var again = Assert.Single(handler.Requests[1].DecodedCommands());
        Assert.Equal("c1", again.Key);
    }

    [Fact]
    public void A_method_near_its_limit_is_held_back_until_the_window_moves()
    {
        var now = DateTimeOffset.UtcNow;
        var budget = new OperatingBudget(new B24ClientOptions(), () => now);
        var resetAt = now.AddSeconds(30);
        var t = (double operating) => new B24Time { Operating = operating, OperatingResetAt = resetAt };

        budget.Observe("bizproc.workflow.terminate", t(470));
        budget.Observe("bizproc.workflow.terminate", t(472));   // 2 s a call
        Assert.Equal(TimeSpan.Zero, budget.DelayBefore("bizproc.workflow.terminate", 1));
        Assert.Equal(TimeSpan.Zero, budget.DelayBefore("bizproc.workflow.terminate", 5));    // 472 + 4 × 2 = 480
        Assert.InRange(budget.DelayBefore("bizproc.workflow.terminate", 6).TotalSeconds, 30, 31);
        Assert.Equal(TimeSpan.Zero, budget.DelayBefore("user.get", 50));                  // its own budget

        now = resetAt.AddSeconds(1);
        Assert.Equal(TimeSpan.Zero, budget.DelayBefore("bizproc.workflow.terminate", 50));
    }
}
