using System.Collections;
using System.Text.Json;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class BatchTests
{
    private static B24BatchCommand Terminate(string key) => new(key, "bizproc.workflow.terminate", new Hashtable { ["ID"] = key });

    /// <summary>A batch answer that succeeds for every command of the request, keyed as sent.</summary>
    private static HttpResponseMessage AllSucceed(RecordedRequest request)
    {
        var keys = request.Json.GetProperty("cmd").EnumerateObject().Select(p => p.Name).ToList();
        return Responses.Result("{\"result\":{" + string.Join(",", keys.Select(k => "\"" + k + "\":true"))
            + "},\"result_error\":[],\"result_total\":[],\"result_next\":[],\"result_time\":[]}");
    }

    [Fact]
    public async Task Sends_halt_and_the_commands_in_order()
    {
        var handler = new MockHandler((r, _) => AllSucceed(r));
        using var client = TestClients.Create(handler);

        await client.BatchAsync(new[]
        {
            new B24BatchCommand("u", "user.current"),
            new B24BatchCommand("z", "user.get", new Hashtable { ["FILTER"] = new Hashtable { [">ID"] = 1 } }),
            B24BatchCommand.FromQueryString("a", "department.get?ID=$result[u][UF_DEPARTMENT][0]"),
        }, halt: true);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("batch", request.Method);
        Assert.Equal(1, request.Json.GetProperty("halt").GetInt32());
        Assert.Equal(new[] { "u", "z", "a" }, request.Json.GetProperty("cmd").EnumerateObject().Select(p => p.Name));
        Assert.Equal("user.get?FILTER[>ID]=1", request.Json.GetProperty("cmd").GetProperty("z").GetString());
        Assert.Equal("department.get?ID=$result[u][UF_DEPARTMENT][0]", request.Json.GetProperty("cmd").GetProperty("a").GetString());
    }

    [Fact]
    public async Task Maps_every_section_back_to_its_command()
    {
        var handler = MockHandler.Sequence(() => Responses.Result("""
            {"result":{"list":[{"ID":"1"}],"ok":true},
             "result_error":{"bad":{"error":"ERROR_WRONG_WORKFLOW_ID","error_description":"Empty workflow instance ID"}},
             "result_total":{"list":120},"result_next":{"list":50},
             "result_time":{"list":{"start":1.5,"finish":2.5,"duration":1.0,"processing":0.5,"operating":0.25,"operating_reset_at":1700000000}}}
            """));
        using var client = TestClients.Create(handler);

        var response = await client.BatchAsync(new[]
        {
            new B24BatchCommand("ok", "bizproc.workflow.terminate"),
            new B24BatchCommand("bad", "bizproc.workflow.terminate"),
            new B24BatchCommand("list", "user.get"),
        });

        Assert.Equal(1, response.HttpRequests);
        Assert.Equal(new[] { "ok", "bad", "list" }, response.Items.Select(i => i.Key));
        var (ok, bad, list) = (response.Items[0], response.Items[1], response.Items[2]);
        Assert.True(ok.Succeeded);
        Assert.True(ok.Result.GetBoolean());
        Assert.False(bad.Succeeded);
        Assert.Equal("ERROR_WRONG_WORKFLOW_ID", bad.Error!.Code);
        Assert.Equal("Empty workflow instance ID", bad.Error.Description);
        Assert.Equal("bizproc.workflow.terminate", bad.Error.Method);
        Assert.Null(bad.Error.HttpStatus);
        Assert.Equal(120, list.Total);
        Assert.Equal(50, list.Next);
        Assert.Equal(0.25, list.Time!.Operating);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), list.Time.OperatingResetAt);
        Assert.Null(ok.Total);
        Assert.Null(ok.Time);
    }

    [Fact]
    public async Task Reads_sections_that_php_wrote_as_lists()
    {
        // Keys 0..n-1 make PHP write arrays; an empty section is [] whatever the keys.
        var handler = MockHandler.Sequence(() => Responses.Result(
            "{\"result\":[\"first\",\"second\"],\"result_error\":[],\"result_total\":[3,4],\"result_next\":[],\"result_time\":[]}"));
        using var client = TestClients.Create(handler);

        var response = await client.BatchAsync(new[] { new B24BatchCommand("0", "a.b"), new B24BatchCommand("1", "c.d") });

        Assert.Equal(new[] { "first", "second" }, response.Items.Select(i => i.Result.GetString()));
        Assert.Equal(new int?[] { 3, 4 }, response.Items.Select(i => i.Total));
        Assert.All(response.Items, i => Assert.True(i.Succeeded));
    }

    [Fact]
    public async Task Commands_skipped_by_halt_are_reported_as_halted()
    {
        var handler = MockHandler.Sequence(() => Responses.Result(
            "{\"result\":{\"a\":true},\"result_error\":{\"b\":{\"error\":\"ACCESS_DENIED\",\"error_description\":\"Access denied!\"}},"
            + "\"result_total\":[],\"result_next\":[],\"result_time\":[]}"));
        using var client = TestClients.Create(handler);

        var response = await client.BatchAsync(new[] { Terminate("a"), Terminate("b"), Terminate("c") }, halt: true);

        Assert.True(response.Items[0].Succeeded);
        Assert.Equal("ACCESS_DENIED", response.Items[1].Error!.Code);
        Assert.Equal(B24ErrorCodes.BatchHalted, response.Items[2].Error!.Code);
    }

    [Fact]
    public async Task More_than_fifty_commands_go_in_several_requests_in_order()
    {
        var handler = new MockHandler((r, _) => AllSucceed(r));
        using var client = TestClients.Create(handler);
        var commands = Enumerable.Range(0, 60).Select(i => Terminate("w" + i)).ToList();

        var response = await client.BatchAsync(commands);

        Assert.Equal(2, response.HttpRequests);
        Assert.Equal(new[] { 50, 10 }, handler.Requests.Select(r => r.Json.GetProperty("cmd").EnumerateObject().Count()));
        Assert.Equal(commands.Select(c => c.Key), response.Items.Select(i => i.Key));
        Assert.All(response.Items, i => Assert.True(i.Succeeded));
    }

    [Fact]
    public async Task Under_halt_a_failure_stops_the_requests_that_follow()
    {
        var handler = MockHandler.Sequence(() => Responses.Result(
            "{\"result\":{},\"result_error\":{\"w0\":{\"error\":\"ACCESS_DENIED\",\"error_description\":\"Access denied!\"}}}"));
        using var client = TestClients.Create(handler);

        var response = await client.BatchAsync(Enumerable.Range(0, 60).Select(i => Terminate("w" + i)).ToList(), halt: true);

        Assert.Single(handler.Requests);
        Assert.Equal(1, response.HttpRequests);
        Assert.Equal(60, response.Items.Count);
        Assert.Equal("ACCESS_DENIED", response.Items[0].Error!.Code);
        Assert.All(response.Items.Skip(1), i => Assert.Equal(B24ErrorCodes.BatchHalted, i.Error!.Code));
    }

    [Fact]
    public async Task Duplicate_keys_are_refused_before_anything_is_sent()
    {
        var handler = new MockHandler((r, _) => AllSucceed(r));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.BatchAsync(new[] { Terminate("a"), Terminate("b"), Terminate("a") }));

        Assert.Contains("'a'", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_failed_request_is_each_items_error()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Error(401, "NO_AUTH_FOUND", "Wrong authorization data")));

        var response = await client.BatchAsync(new[] { Terminate("a"), Terminate("b") });

        Assert.Equal(["a", "b"], response.Items.Select(i => i.Key));
        Assert.All(response.Items, i => Assert.Equal("NO_AUTH_FOUND", i.Error!.Code));
        Assert.All(response.Items, i => Assert.Equal("batch", i.Error!.Method));
        Assert.Equal(0, response.HttpRequests);
    }

    [Fact]
    public async Task A_later_request_that_fails_keeps_the_outcomes_of_the_earlier_ones_and_sends_no_more()
    {
        // 120 commands = 3 requests; the second fails: the first 50 ran (writes made), the third is not sent.
        var handler = new MockHandler((r, n) => n == 1 ? Responses.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error") : AllSucceed(r));
        using var client = TestClients.Create(handler);
        var commands = Enumerable.Range(0, 120).Select(i => Terminate("k" + i)).ToList();

        var response = await client.BatchAsync(commands);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(120, response.Items.Count);
        Assert.All(response.Items.Take(50), i => Assert.True(i.Succeeded));
        Assert.All(response.Items.Skip(50), i => Assert.Equal("INTERNAL_SERVER_ERROR", i.Error!.Code));
        Assert.Equal(1, response.HttpRequests);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing()
    {
        var handler = new MockHandler((r, _) => AllSucceed(r));
        using var client = TestClients.Create(handler);

        var response = await client.BatchAsync(Array.Empty<B24BatchCommand>());

        Assert.Empty(response.Items);
        Assert.Equal(0, response.HttpRequests);
        Assert.Empty(handler.Requests);
    }
}
