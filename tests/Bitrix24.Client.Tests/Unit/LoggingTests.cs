using System.Collections.Concurrent;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class LoggingTests
{
    [Fact]
    public async Task One_redacted_line_per_exchange_goes_to_the_connection_log()
    {
        var lines = new ConcurrentQueue<string>();
        var handler = MockHandler.Sequence(() => Responses.Result("true"), () => Responses.Error(403, "ACCESS_DENIED", "Access denied!"));
        using var client = TestClients.Create(handler, o => o.Log = lines.Enqueue);

        await client.CallAsync("user.get");
        await Assert.ThrowsAsync<Errors.B24Exception>(() => client.CallAsync("bizproc.workflow.kill"));

        Assert.Collection(lines,
            l => Assert.Matches(@"^POST https://example\.bitrix24\.com/rest/1/\*\*\*/user\.get -> 200 \(\d+ ms\)$", l),
            l => Assert.Matches(@"^POST https://example\.bitrix24\.com/rest/1/\*\*\*/bizproc\.workflow\.kill -> 403 \(\d+ ms\)$", l));
        Assert.All(lines, l => TestClients.AssertNoSecret(l, "a log line"));
    }

    [Fact]
    public async Task A_failed_exchange_is_logged_by_exception_type_only()
    {
        var lines = new ConcurrentQueue<string>();
        var handler = new MockHandler((_, _) => throw new HttpRequestException("refused " + TestClients.WebhookUrl));
        using var client = TestClients.Create(handler, o => o.Log = lines.Enqueue);

        await Assert.ThrowsAsync<Errors.B24Exception>(() => client.CallAsync("user.get"));

        var line = Assert.Single(lines);
        Assert.Contains("-> HttpRequestException", line);
        TestClients.AssertNoSecret(line, "the log line");
    }

    [Fact]
    public async Task A_capture_sees_the_lines_of_its_own_flow_only()
    {
        var handler = new MockHandler(async (_, _, token) =>
        {
            await Task.Delay(20, token);
            return Responses.Result("true");
        });
        using var client = TestClients.Create(handler);

        async Task<List<string>> RunCaptured(string method)
        {
            var captured = new List<string>();
            using (B24Log.Capture(line => { lock (captured) captured.Add(line); }))
            {
                await client.CallAsync(method);
                await client.CallAsync(method);
            }
            await client.CallAsync(method); // after the scope: not captured
            return captured;
        }

        var results = await Task.WhenAll(Task.Run(() => RunCaptured("user.get")), Task.Run(() => RunCaptured("user.current")));

        Assert.Equal(2, results[0].Count);
        Assert.All(results[0], l => Assert.Contains("/user.get ->", l));
        Assert.Equal(2, results[1].Count);
        Assert.All(results[1], l => Assert.Contains("/user.current ->", l));
    }

    [Fact]
    public async Task Nested_captures_both_see_the_inner_lines_and_a_broken_sink_breaks_nothing()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Result("true")), o => o.Log = _ => throw new InvalidOperationException("sink"));
        var outer = new List<string>();
        var inner = new List<string>();

        using (B24Log.Capture(outer.Add))
        {
            using (B24Log.Capture(inner.Add))
                await client.CallAsync("user.get");
            await client.CallAsync("user.current");
        }

        Assert.Equal(2, outer.Count);
        Assert.Single(inner);
    }

    [Fact]
    public async Task Bodies_go_only_to_a_body_capture_redacted_and_cut()
    {
        var lines = new ConcurrentQueue<string>();
        var answer = "{\"result\":{\"access_token\":\"tok-123\",\"echo\":\"" + TestClients.WebhookUrl + "\",\"long\":\"" + new string('x', 5000) + "\"}}";
        var handler = MockHandler.Sequence(() => Responses.Result("true"), () => Responses.Json(answer));
        using var client = TestClients.Create(handler, o => o.Log = lines.Enqueue);
        var bodies = new List<string>();

        await client.CallAsync("user.get", new Dictionary<string, object?> { ["FILTER"] = new Dictionary<string, object?> { ["ID"] = 1 } });
        using (B24Log.CaptureBodies(bodies.Add))
            await client.CallAsync("user.get", new Dictionary<string, object?> { ["password"] = "p@ss", ["note"] = TestClients.WebhookUrl });

        Assert.Equal(2, lines.Count); // the connection log never carries bodies
        Assert.All(lines, l => Assert.DoesNotContain("FILTER", l));
        Assert.Equal(2, bodies.Count);
        Assert.StartsWith("Request POST https://example.bitrix24.com/rest/1/***/user.get {", bodies[0]);
        Assert.Contains("\"password\":\"***\"", bodies[0]);
        Assert.DoesNotContain("p@ss", bodies[0]);
        Assert.StartsWith("Response 200 {", bodies[1]);
        Assert.Contains("\"access_token\":\"***\"", bodies[1]);
        Assert.DoesNotContain("tok-123", bodies[1]);
        Assert.EndsWith("characters in all)", bodies[1]);
        Assert.All(bodies, b => TestClients.AssertNoSecret(b, "a body line"));
    }
}
