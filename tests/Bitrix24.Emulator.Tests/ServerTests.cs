using System.Net;
using System.Text;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

/// <summary>Concurrency, the time object, counters, the control API and the program's options.</summary>
public sealed class ServerTests : EmulatorTestBase
{
    private static readonly string[] TimeFields = { "start", "finish", "duration", "processing", "date_start", "date_finish", "operating_reset_at", "operating" };

    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 5 };

    [Fact]
    public async Task SixtyConcurrentRequestsAreAllAnswered()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => PostJsonAsync(Admin("user.get"), new { ID = i % 2 + 1 })));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Equal(60, Server.GetStats().TotalRequests);
    }

    [Fact]
    public async Task EveryAnswerCarriesTheTimeObject()
    {
        var answers = new[]
        {
            await PostJsonAsync(Admin("user.get"), null),
            await PostJsonAsync(Admin("no.such"), null),
            await PostJsonAsync(NonAdmin("bizproc.workflow.instances"), null),
            await PostJsonAsync(Admin("batch"), new { cmd = new { a = "user.current" } }),
        };

        Assert.All(answers, a => Assert.Equal(TimeFields, a.Body["time"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task StatsCountRequestsCallsAndNotTheControlApi()
    {
        await PostJsonAsync(Admin("user.get.json"), null);
        await PostJsonAsync(Admin("BIZPROC.WORKFLOW.INSTANCES"), null);
        await PostJsonAsync(Admin("batch"), new { cmd = new { a = "bizproc.workflow.instances", b = "user.get" } });

        var stats = await GetAsync(new Uri(Server.BaseUrl, "emulator/stats").ToString());

        Assert.Equal(200, stats.Status);
        Assert.Equal(3, (long)stats.Body["totalRequests"]!);
        Assert.Equal(1, (long)stats.Body["requestsByMethod"]!["user.get"]!);
        Assert.Equal(1, (long)stats.Body["requestsByMethod"]!["bizproc.workflow.instances"]!);
        Assert.Equal(2, (long)stats.Body["callsByMethod"]!["bizproc.workflow.instances"]!);
        Assert.Equal(2, (long)stats.Body["batchSubCalls"]!);
        Assert.Equal(0, (long)stats.Body["sent503"]!);
        Assert.Equal(3, Server.GetStats().TotalRequests);
    }

    [Fact]
    public async Task WebhooksEndpointPublishesBothUsersWebhooks()
    {
        var webhooks = await GetAsync(new Uri(Server.BaseUrl, "emulator/webhooks").ToString());

        Assert.Equal(200, webhooks.Status);
        Assert.Equal(Server.WebhookUrl, (string)webhooks.Body["admin"]!);
        Assert.Equal(Server.NonAdminWebhookUrl, (string)webhooks.Body["nonAdmin"]!);
        Assert.Equal(0, Server.GetStats().TotalRequests);
    }

    [Fact]
    public async Task SeedAddsUsersAndRunningWorkflows()
    {
        using var body = new StringContent("{\"users\":3,\"workflows\":7}", Encoding.UTF8, "application/json");
        var seeded = await ReadAsync(await Http.PostAsync(new Uri(Server.BaseUrl, "emulator/seed"), body));

        var ids = seeded.Body["workflowIds"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(7, ids.Count);
        Assert.Equal(12, Server.Portal.RunningWorkflowIds().Count);
        Assert.All(ids, id => Assert.Contains(id, Server.Portal.RunningWorkflowIds()));
        Assert.Equal(5, Server.Portal.UserIds().Count);
    }

    [Fact]
    public async Task SeedAddsTemplatesAndWorkflowsOnChosenDocuments()
    {
        var seeded = await SeedAsync("""{"templates":[{"name":"Invoice check","entity":"CCrmDocumentCompany"}]}""");
        Assert.Equal(200, seeded.Status);
        var templateId = (long)seeded.Body["templateIds"]![0]!;

        var onDocuments = await SeedAsync("{\"templateId\":" + templateId + ",\"documentIds\":[\"COMPANY_7\",\"COMPANY_9\"],\"workflows\":3}");

        Assert.Equal(200, onDocuments.Status);
        Assert.Equal(3, onDocuments.Body["workflowIds"]!.AsArray().Count); // the two given, then one new document
        var listed = await PostJsonAsync(Admin("bizproc.workflow.instances"), new { SELECT = new[] { "ID", "TEMPLATE_ID", "DOCUMENT_ID" }, FILTER = new { TEMPLATE_ID = templateId } });
        Assert.Equal(["COMPANY_1", "COMPANY_7", "COMPANY_9"], listed.Rows.Select(r => (string)r!["DOCUMENT_ID"]!).Order(StringComparer.Ordinal));
        var template = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { SELECT = new[] { "ID", "NAME", "ENTITY" }, FILTER = new { ID = templateId } });
        Assert.Equal("Invoice check", (string)template.Rows.Single()!["NAME"]!);
    }

    [Theory]
    [InlineData("""{"workflow":5}""")]                                                   // unknown key (typo)
    [InlineData("""{"templates":[{"name":"X","entity":"CCrmDocumentNothing"}]}""")]     // unknown entity
    [InlineData("""{"templateId":1,"documentIds":["DEAL_1"]}""")]                        // template 1 is for leads
    [InlineData("""{"templateId":99,"workflows":1}""")]                                  // no such template
    [InlineData("""{"documentIds":["LEAD_1"]}""")]                                       // documents need a template
    public async Task SeedRefusesWhatItCannotDo(string json)
    {
        var before = Server.Portal.RunningWorkflowIds().Count;

        var seeded = await SeedAsync(json);

        Assert.Equal(400, seeded.Status);
        Assert.False(string.IsNullOrEmpty((string?)seeded.Body["error"]));
        Assert.Equal(before, Server.Portal.RunningWorkflowIds().Count);
    }

    private async Task<WireResponse> SeedAsync(string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await ReadAsync(await Http.PostAsync(new Uri(Server.BaseUrl, "emulator/seed"), body));
    }

    [Fact]
    public async Task ResetRestoresTheSeededPortalAndClearsCounters()
    {
        var before = Server.Portal.RunningWorkflowIds();
        await PostJsonAsync(Admin("bizproc.workflow.kill"), new { ID = before[0] });
        Server.Portal.SeedWorkflows(3);

        using var response = await Http.PostAsync(new Uri(Server.BaseUrl, "emulator/reset"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, Server.Portal.RunningWorkflowIds());
        Assert.Empty(Server.Portal.TerminationCounts());
        Assert.Equal(0, Server.GetStats().TotalRequests);
    }

    [Fact]
    public async Task LatencyIsAddedPerRequest()
    {
        await using var slow = await EmulatorServer.StartAsync(new EmulatorOptions { Rate = 1_000_000, Burst = 1_000_000, LatencyMs = 300 });

        var response = await PostJsonAsync(slow.WebhookUrl + "user.current", null);

        Assert.Equal(200, response.Status);
        Assert.True((double)response.Body["time"]!["duration"]! >= 0.29);
    }

    [Fact]
    public void CommandLineReadsEveryOption()
    {
        var options = CommandLine.Parse(new[]
        {
            "--port", "0", "--rate", "2.5", "--burst=7", "--operating-limit", "10", "--operating-cost", "0.5",
            "--latency-ms", "3", "--seed-workflows", "11", "--seed-users", "4", "--random-seed", "9", "--operating-window=30",
        });

        Assert.Equal((0, 2.5, 7, 10.0, 0.5, 3, 11, 4, 9, 30.0),
            (options.Port, options.Rate, options.Burst, options.OperatingLimitSeconds, options.OperatingCostSeconds,
             options.LatencyMs, options.SeedWorkflows, options.SeedUsers, options.RandomSeed, options.OperatingWindowSeconds));
        Assert.Equal(600, CommandLine.Parse([]).OperatingWindowSeconds); // as on the portal
    }

    [Theory]
    [InlineData("--nope", "1")]
    [InlineData("--port", "x")]
    [InlineData("--port", "70000")]
    [InlineData("--rate", "0")]
    [InlineData("--burst")]
    [InlineData("--seed-bizproc-tasks", "-1")]
    [InlineData("--operating-window", "0")]
    [InlineData("--operating-window", "soon")]
    public void CommandLineRejectsBadOptions(params string[] args)
        => Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));

    [Fact]
    public async Task SameSeedGivesTheSameWorkflows()
    {
        await using var twin = await EmulatorServer.StartAsync(Options);

        Assert.Equal(Server.Portal.RunningWorkflowIds(), twin.Portal.RunningWorkflowIds());
    }
}
