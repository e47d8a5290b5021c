using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Faults;

namespace Bitrix24.Emulator.Tests;

/// <summary>The fault stage: rules by method, n-th call, share; answers, drops, cuts and delays, before or after the call.</summary>
public sealed class FaultTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 5 };

    [Fact]
    public async Task A503StormHitsTheNthCallAndTheNextOnesThenStops()
    {
        await AddFaultsAsync("""{"name":"storm","method":"user.get","nth":3,"times":4,"kind":"queryLimit"}""");

        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await PostJsonAsync(Admin("user.get"), null)).Status);
        var other = await PostJsonAsync(Admin("user.current"), null);

        Assert.Equal([200, 200, 503, 503, 503, 503, 200, 200], statuses);
        Assert.Equal(200, other.Status);
        var stats = Server.GetStats();
        Assert.Equal(4, stats.FaultsFired);
        Assert.Equal(4, stats.FaultsByRule["storm"]);
        Assert.Equal(0, stats.Sent503); // the real limits' counter stays apart
    }

    [Fact]
    public async Task AStormAnswersWithTheDocumentedErrorAndTimeObject()
    {
        await AddFaultsAsync("""{"kind":"queryLimit"}""");

        var answer = await PostJsonAsync(Admin("user.get"), null);

        AssertError(answer, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
        Assert.NotNull(answer.Body["time"]?["operating_reset_at"]);
    }

    [Fact]
    public async Task Html502IsARawPageFromTheProxy()
    {
        await AddFaultsAsync("""{"method":"batch","kind":"html502"}""");

        using var response = await Http.PostAsync(Admin("batch"), Json(new { cmd = new { a = "user.current" } }));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", text);
        Assert.Equal(0, Server.GetStats().BatchSubCalls); // nothing ran
    }

    [Fact]
    public async Task AbortBeforeTheCallDropsTheConnectionAndChangesNothing()
    {
        await AddFaultsAsync("""{"method":"bizproc.workflow.terminate","kind":"reset"}""");
        var id = Server.Portal.RunningWorkflowIds()[0];

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.PostAsync(Admin("bizproc.workflow.terminate"), Json(new { ID = id })));

        Assert.Contains(id, Server.Portal.RunningWorkflowIds());
        Assert.False(Server.GetStats().WritesByMethod.ContainsKey("bizproc.workflow.terminate"));
        Assert.Equal(200, (await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = id })).Status); // fired once
    }

    [Fact]
    public async Task AbortAfterTheCallLeavesItsEffect()
    {
        await AddFaultsAsync("""{"method":"bizproc.workflow.terminate","when":"after","abort":true}""");
        var id = Server.Portal.RunningWorkflowIds()[0];

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.PostAsync(Admin("bizproc.workflow.terminate"), Json(new { ID = id })));

        Assert.DoesNotContain(id, Server.Portal.RunningWorkflowIds());
        Assert.Equal(1, Server.GetStats().WritesByMethod["bizproc.workflow.terminate"]);
        Assert.Equal(1, Server.Portal.TerminationCounts()[id]);
    }

    [Fact]
    public async Task AnErrorAfterTheCallHidesThatItRan()
    {
        await AddFaultsAsync("""{"method":"bizproc.workflow.kill","when":"after","kind":"internalError"}""");
        var id = Server.Portal.RunningWorkflowIds()[0];

        var answer = await PostJsonAsync(Admin("bizproc.workflow.kill"), new { ID = id });

        AssertError(answer, 500, "INTERNAL_SERVER_ERROR");
        Assert.DoesNotContain(id, Server.Portal.RunningWorkflowIds());
    }

    [Fact]
    public async Task ADelayLongerThanTheClientWaitsLeavesTheCallExecuted()
    {
        await AddFaultsAsync("""{"method":"bizproc.workflow.terminate","when":"after","delayMs":10000}""");
        var id = Server.Portal.RunningWorkflowIds()[0];
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsync(Admin("bizproc.workflow.terminate"), Json(new { ID = id })));

        Assert.DoesNotContain(id, Server.Portal.RunningWorkflowIds());
        Assert.Equal(1, Server.GetStats().FaultsByRule["rule1"]);
    }

    [Fact]
    public async Task ADelayAloneStillGivesTheRealAnswer()
    {
        await AddFaultsAsync("""{"method":"user.current","delayMs":50}""");

        var answer = await PostJsonAsync(Admin("user.current"), null);

        Assert.Equal(200, answer.Status);
        Assert.Equal("1", (string?)answer.Result["ID"]);
        Assert.Equal(1, Server.GetStats().FaultsFired);
    }

    [Fact]
    public async Task TruncatedAnswerEndsMidBody()
    {
        await AddFaultsAsync("""{"method":"bizproc.workflow.kill","when":"after","truncateAt":20}""");
        var id = Server.Portal.RunningWorkflowIds()[0];

        using var response = await Http.PostAsync(Admin("bizproc.workflow.kill"), Json(new { ID = id }));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"result\":true,\"time", text); // 20 bytes
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(text));
        Assert.DoesNotContain(id, Server.Portal.RunningWorkflowIds());
    }

    [Fact]
    public async Task MalformedJsonIsSentAsIs()
    {
        await AddFaultsAsync("""{"kind":"malformedJson"}""");

        using var response = await Http.PostAsync(Admin("user.get"), Json(null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(text));
    }

    [Fact]
    public async Task AShareOfCallsIsDrawnFromASeededRandom()
    {
        const string rule = """{"method":"user.current","share":0.5,"seed":7,"kind":"internalError"}""";
        var first = await PatternAsync(Server, rule);
        await using var twin = await EmulatorServer.StartAsync(Options);
        var second = await PatternAsync(twin, rule);

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == 500), 1, 39);
        Assert.Equal(first.Count(s => s == 500), Server.GetStats().FaultsFired);
    }

    [Fact]
    public async Task ControlApiListsClearsAndResetRestoresTheOptionsRules()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = "user.current:nth=2,internalError" });
        await PostJsonAsync(server.WebhookUrl + "user.current", null);
        var added = await PostAsync(server, "emulator/faults", """[{"name":"slow","delayMs":1}]""");

        var listed = await GetAsync(new Uri(server.BaseUrl, "emulator/faults").ToString());
        Assert.Equal(200, added.Status);
        Assert.Equal(["rule1", "slow"], listed.Body["rules"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(1, (long)listed.Body["rules"]![0]!["seen"]!);

        using (var cleared = await Http.DeleteAsync(new Uri(server.BaseUrl, "emulator/faults")))
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(200, (await PostJsonAsync(server.WebhookUrl + "user.current", null)).Status);

        using (await Http.PostAsync(new Uri(server.BaseUrl, "emulator/reset"), null)) { }
        Assert.Equal(200, (await PostJsonAsync(server.WebhookUrl + "user.current", null)).Status);
        Assert.Equal(500, (await PostJsonAsync(server.WebhookUrl + "user.current", null)).Status);
        var stats = await GetAsync(new Uri(server.BaseUrl, "emulator/stats").ToString());
        Assert.Equal(1, (long)stats.Body["faultsFired"]!);
    }

    [Theory]
    [InlineData("""{"kind":"nope"}""")]
    [InlineData("""{"nth":0,"abort":true}""")]
    [InlineData("""{"method":"user.get"}""")]
    [InlineData("""{"abort":true,"status":500}""")]
    [InlineData("""{"truncateAt":5}""")]
    [InlineData("""{"share":2,"abort":true}""")]
    [InlineData("""{"colour":"red","abort":true}""")]
    [InlineData("""[{"abort":true}, 5]""")]
    [InlineData("not json")]
    public async Task BadRulesAreRefusedAndNoneIsAdded(string json)
    {
        var answer = await PostAsync(Server, "emulator/faults", json);

        Assert.Equal(400, answer.Status);
        Assert.False(string.IsNullOrEmpty((string?)answer.Body["error"]));
        Assert.Empty((await GetAsync(new Uri(Server.BaseUrl, "emulator/faults").ToString())).Body["rules"]!.AsArray());
    }

    [Fact]
    public void ShortFormReadsMethodsCountsFlagsAndKinds()
    {
        var rules = FaultSpec.Parse("bizproc.workflow.terminate:nth=3,times=5,queryLimit,after; *:share=0.25,seed=9,reset ;batch:delayMs=100");

        Assert.Equal(3, rules.Count);
        Assert.Equal(new FaultRule { Method = "bizproc.workflow.terminate", Nth = 3, Times = 5, When = FaultTiming.After, Status = 503, Error = "QUERY_LIMIT_EXCEEDED", Description = "Too many requests" }, rules[0]);
        Assert.Equal(new FaultRule { Share = 0.25, Seed = 9, Abort = true }, rules[1]);
        Assert.Equal(new FaultRule { Method = "batch", DelayMs = 100, Times = 1 }, rules[2]);
    }

    [Fact]
    public void CommandLineRefusesBadFaults()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--faults", "user.get:nth=zero,reset"]));

        Assert.StartsWith("--faults:", error.Message);
        Assert.Single(CommandLine.Parse(["--faults={\"kind\":\"html504\"}"]).FaultRules());
    }

    private async Task<List<int>> PatternAsync(EmulatorServer server, string rule)
    {
        await PostAsync(server, "emulator/faults", rule);
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
            statuses.Add((await PostJsonAsync(server.WebhookUrl + "user.current", null)).Status);
        return statuses;
    }

    private Task<WireResponse> AddFaultsAsync(string json) => PostAsync(Server, "emulator/faults", json);

    private static async Task<WireResponse> PostAsync(EmulatorServer server, string path, string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await ReadAsync(await Http.PostAsync(new Uri(server.BaseUrl, path), body));
    }

    private static StringContent Json(object? body)
        => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
