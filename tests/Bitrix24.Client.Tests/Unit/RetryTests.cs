using System.Net.Http.Headers;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Http;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class RetryTests
{
    [Fact]
    public async Task A_503_query_limit_is_retried_until_it_succeeds()
    {
        var handler = MockHandler.Sequence(Responses.QueryLimit, Responses.QueryLimit, () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var response = await client.CallAsync("bizproc.workflow.terminate");

        Assert.True(response.Result.GetBoolean());
        Assert.Equal(3, handler.Requests.Count);
        // Every attempt is authenticated afresh: the same URL and body each time.
        Assert.All(handler.Requests, r => Assert.Equal(TestClients.WebhookUrl + "bizproc.workflow.terminate", r.Uri.AbsoluteUri));
        Assert.All(handler.Requests, r => Assert.Equal("{}", r.Body));
    }

    [Fact]
    public async Task Retries_are_bounded_by_max_retries()
    {
        var handler = MockHandler.Sequence(Responses.QueryLimit);
        using var client = TestClients.Create(handler, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(B24ErrorCodes.QueryLimitExceeded, error.Code);
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        var handler = MockHandler.Sequence(Responses.QueryLimit);
        using var client = TestClients.Create(handler, o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(503, "OVERLOAD_LIMIT")]
    [InlineData(500, "INTERNAL_SERVER_ERROR")]
    [InlineData(403, "ACCESS_DENIED")]
    public async Task Other_failures_are_not_retried(int status, string code)
    {
        var handler = MockHandler.Sequence(() => Responses.Error(status, code, "no"), () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(code, error.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_html_503_is_not_a_query_limit_and_is_not_retried()
    {
        var handler = MockHandler.Sequence(() => Responses.Html(503, "<title>Service Unavailable</title>"), () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Back_off_doubles_from_the_base_with_jitter_and_a_cap()
    {
        var rules = new RetryRules(5, TimeSpan.FromSeconds(1));

        for (var retry = 0; retry < 4; retry++)
        {
            var delay = rules.Delay(retry, null).TotalSeconds;
            Assert.InRange(delay, 0.75 * Math.Pow(2, retry), 1.25 * Math.Pow(2, retry));
        }
        Assert.Equal(TimeSpan.FromSeconds(30), rules.Delay(10, null));
    }

    [Fact]
    public void Retry_after_from_the_portal_wins_and_is_capped()
    {
        var rules = new RetryRules(5, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(7), rules.Delay(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))));
        Assert.Equal(TimeSpan.FromSeconds(60), rules.Delay(0, new RetryConditionHeaderValue(TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task Each_retry_is_logged_without_the_code()
    {
        var lines = new List<string>();
        var handler = MockHandler.Sequence(Responses.QueryLimit, () => Responses.Result("true"));
        using var client = TestClients.Create(handler, o => o.Log = line => { lock (lines) lines.Add(line); });

        await client.CallAsync("user.get");

        Assert.Contains(lines, l => l.StartsWith("Retry 1/5 of /rest/user.get after 503 QUERY_LIMIT_EXCEEDED"));
        Assert.Equal(2, lines.Count(l => l.Contains("/rest/1/***/user.get")));
        Assert.All(lines, l => TestClients.AssertNoSecret(l, "a log line"));
    }
}
