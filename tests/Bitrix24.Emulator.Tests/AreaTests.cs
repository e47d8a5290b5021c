using System.Text;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Limits;

namespace Bitrix24.Emulator.Tests;

/// <summary>The area seams: the method table, executed writes, application-only methods, seed sections.</summary>
public sealed class AreaTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 4 };

    [Fact]
    public async Task MethodsEndpointListsEveryAreasMethodsWithTheirKind()
    {
        var listed = await GetAsync(new Uri(Server.BaseUrl, "emulator/methods").ToString());

        Assert.Equal(200, listed.Status);
        var methods = listed.Body["methods"]!.AsArray().ToDictionary(m => (string)m!["name"]!, m => (string)m!["kind"]!);
        Assert.Equal("read", methods["user.get"]);
        Assert.Equal("read", methods["bizproc.workflow.instances"]);
        Assert.Equal("write", methods["bizproc.workflow.terminate"]);
        Assert.Equal("write", methods["bizproc.workflow.start"]);
        Assert.Equal("read", methods["batch"]);
    }

    [Fact]
    public async Task StatsCountExecutedWritesPerMethodNotRefusedOnes()
    {
        var ids = Server.Portal.RunningWorkflowIds();
        await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = ids[0] });
        await PostJsonAsync(Admin("batch"), new { cmd = new { a = "bizproc.workflow.terminate?ID=" + ids[1], b = "bizproc.workflow.kill?ID=" + ids[2] } });
        await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = ids[0] });    // no longer running: not executed
        await PostJsonAsync(NonAdmin("bizproc.workflow.kill"), new { ID = ids[3] });     // ACCESS_DENIED: not executed
        await PostJsonAsync(Admin("user.get"), null);                                    // a read

        var writes = Server.GetStats().WritesByMethod;

        Assert.Equal(2, writes["bizproc.workflow.terminate"]);
        Assert.Equal(1, writes["bizproc.workflow.kill"]);
        Assert.False(writes.ContainsKey("user.get"));
        var stats = await GetAsync(new Uri(Server.BaseUrl, "emulator/stats").ToString());
        Assert.Equal(2, (long)stats.Body["writesByMethod"]!["bizproc.workflow.terminate"]!);
    }

    [Fact]
    public void ApplicationOnlyMethodRefusesAWebhookAndServesAnApplication()
    {
        var portal = new PortalState(1);
        var registry = new MethodRegistry();
        registry.Write("test.app.only", _ => new MethodResult(System.Text.Json.Nodes.JsonValue.Create(true)), applicationOnly: true);
        var stats = new RequestStats();
        var executor = new CallExecutor(portal, registry, new OperatingTime(new EmulatorOptions(), TimeProvider.System), stats);

        var byWebhook = executor.Execute("test.app.only", Caller.Webhook(1, isAdmin: true), RestParams.Empty, inBatch: false);
        var byApplication = executor.Execute("test.app.only", Caller.Application(1, isAdmin: true, "local.app"), RestParams.Empty, inBatch: false);

        Assert.Equal(403, byWebhook.Error!.HttpStatus);
        Assert.Equal("ACCESS_DENIED", byWebhook.Error.Code);
        Assert.Equal("Application context required", byWebhook.Error.Description);
        Assert.Null(byApplication.Error);
        Assert.Equal(1, stats.Snapshot().WritesByMethod["test.app.only"]);
    }

    [Fact]
    public void RegisteringOneMethodTwiceIsRefused()
    {
        var registry = new MethodRegistry();
        registry.Read("x.get", _ => new MethodResult(null));

        Assert.Throws<InvalidOperationException>(() => registry.Write("X.GET", _ => new MethodResult(null)));
    }

    [Fact]
    public async Task EachAreaSeedsFromItsOwnKeysInOneRequest()
    {
        var seeded = await SeedAsync("""{"USERS":2,"workflows":3}""");

        Assert.Equal(200, seeded.Status);
        Assert.Equal(4, Server.Portal.UserIds().Count);
        Assert.Equal(3, seeded.Body["workflowIds"]!.AsArray().Count);
        Assert.Equal(7, Server.Portal.RunningWorkflowIds().Count);
    }

    [Theory]
    [InlineData("""{"users":-1}""")]
    [InlineData("""{"users":"many"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("")]
    public async Task SeedRefusesBadShapesWithAMessage(string json)
    {
        var seeded = await SeedAsync(json);

        Assert.Equal(400, seeded.Status);
        Assert.False(string.IsNullOrEmpty((string?)seeded.Body["error"]));
        Assert.Equal(2, Server.Portal.UserIds().Count);
    }

    private async Task<WireResponse> SeedAsync(string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await ReadAsync(await Http.PostAsync(new Uri(Server.BaseUrl, "emulator/seed"), body));
    }
}
