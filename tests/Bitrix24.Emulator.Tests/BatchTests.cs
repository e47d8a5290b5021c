using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class BatchTests : EmulatorTestBase
{
    private const int Seeded = 120;
    private const string Page = "bizproc.workflow.instances?select[0]=ID&order[ID]=asc&start=-1";

    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = Seeded };

    private Task<WireResponse> BatchAsync(object body) => PostJsonAsync(Admin("batch"), body);

    [Fact]
    public async Task KeyedResultsWithTotalNextAndTime()
    {
        var response = await BatchAsync(new { halt = 0, cmd = new Dictionary<string, string>
        {
            ["users"] = "user.get?FILTER[ID]=2",
            ["first"] = "bizproc.workflow.instances?start=0",
        } });

        Assert.Equal(200, response.Status);
        var result = response.Result;
        Assert.Equal("2", (string?)result["result"]!["users"]![0]!["ID"]);
        Assert.Equal(50, result["result"]!["first"]!.AsArray().Count);
        Assert.Equal(1, (int)result["result_total"]!["users"]!);
        Assert.Equal(Seeded, (int)result["result_total"]!["first"]!);
        Assert.Equal(50, (int)result["result_next"]!["first"]!);
        Assert.False(result["result_next"]!.AsObject().ContainsKey("users"));
        Assert.Equal(new[] { "users", "first" }, result["result_time"]!.AsObject().Select(p => p.Key));
        Assert.Equal("[]", result["result_error"]!.ToJsonString());
        Assert.NotNull(response.Body["time"]);
    }

    [Fact]
    public async Task CommandListGivesListsAsPhpDoes()
    {
        var response = await BatchAsync(new { cmd = new[] { "user.get?ID=1", "user.get?ID=2" } });

        var results = Assert.IsType<JsonArray>(response.Result["result"]);
        Assert.Equal(new[] { "1", "2" }, results.Select(r => (string?)r![0]!["ID"]));
    }

    [Fact]
    public async Task ErrorsAreKeyedAndTheRestStillRunsWithoutHalt()
    {
        var response = await BatchAsync(new { halt = 0, cmd = new Dictionary<string, string>
        {
            ["bad"] = "bizproc.workflow.kill?ID=",
            ["unknown"] = "no.such.method",
            ["good"] = "user.get?ID=1",
        } });

        var result = response.Result;
        Assert.Equal("ERROR_WRONG_WORKFLOW_ID", (string?)result["result_error"]!["bad"]!["error"]);
        Assert.Equal("Empty workflow instance ID", (string?)result["result_error"]!["bad"]!["error_description"]);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", (string?)result["result_error"]!["unknown"]!["error"]);
        Assert.Equal(new[] { "good" }, result["result"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task HaltStopsAfterTheFirstError()
    {
        var ids = Server.Portal.RunningWorkflowIds();
        var response = await BatchAsync(new { halt = 1, cmd = new Dictionary<string, string>
        {
            ["one"] = "bizproc.workflow.terminate?ID=" + ids[0],
            ["bad"] = "bizproc.workflow.terminate?ID=nope",
            ["never"] = "bizproc.workflow.terminate?ID=" + ids[1],
        } });

        var result = response.Result;
        Assert.Equal(new[] { "one" }, result["result"]!.AsObject().Select(p => p.Key));
        Assert.Equal(new[] { "bad" }, result["result_error"]!.AsObject().Select(p => p.Key));
        Assert.Contains(ids[1], Server.Portal.RunningWorkflowIds());
    }

    [Fact]
    public async Task MoreThanFiftyCommandsExceedTheLength()
    {
        var cmd = Enumerable.Range(0, 52).ToDictionary(i => "k" + i, _ => "user.get?ID=1");

        var result = (await BatchAsync(new { cmd })).Result;

        Assert.Equal(50, result["result"]!.AsObject().Count);
        Assert.Equal(new[] { "k50", "k51" }, result["result_error"]!.AsObject().Select(p => p.Key));
        Assert.Equal("ERROR_BATCH_LENGTH_EXCEEDED", (string?)result["result_error"]!["k50"]!["error"]);
    }

    [Fact]
    public async Task NestedBatchIsNotAllowed()
    {
        var result = (await BatchAsync(new { cmd = new Dictionary<string, string> { ["inner"] = "batch?cmd[x]=user.get" } })).Result;

        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", (string?)result["result_error"]!["inner"]!["error"]);
    }

    [Fact]
    public async Task ResultReferencesChainKeysetPagesAndStopAtTheEnd()
    {
        var cmd = new Dictionary<string, string> { ["p0"] = Page };
        for (var i = 1; i < 5; i++)
            cmd["p" + i] = Page + $"&filter[>ID]=$result[p{i - 1}][49][ID]";

        var result = (await BatchAsync(new { halt = 0, cmd })).Result["result"]!;

        var pages = Enumerable.Range(0, 5).Select(i => result["p" + i]!.AsArray().Select(r => (string)r!["ID"]!).ToList()).ToList();
        Assert.Equal(new[] { 50, 50, 20, 0, 0 }, pages.Select(p => p.Count));
        // p3's reference walks to p2 (20 rows), finds no [49] and takes the whole page: an array for >ID matches nothing.
        Assert.Equal(Server.Portal.RunningWorkflowIds(), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task NextTotalAndTextReferences()
    {
        var response = await BatchAsync(new { cmd = new Dictionary<string, string>
        {
            ["first"] = "bizproc.workflow.instances?select[]=ID&order[ID]=asc&start=0",
            ["second"] = "bizproc.workflow.instances?select[]=ID&order[ID]=asc&start=$next[first]",
            ["user"] = "user.get?ID=2",
            // Embedded in text: "%EMAIL contains 'Employee@'" (case-insensitive).
            ["text"] = "user.get?FILTER[%25EMAIL]=$result[user][0][LAST_NAME]@&select[]=ID",
        } });

        var result = response.Result["result"]!;
        var ids = Server.Portal.RunningWorkflowIds();
        Assert.Equal(ids[50], (string?)result["second"]![0]!["ID"]);
        Assert.Equal("2", (string?)result["text"]!.AsArray().Single()!["ID"]);
    }

    [Fact]
    public async Task FormEncodedBatchWithDoubleEncodedCommands()
    {
        var response = await PostFormAsync(Admin("batch"), "halt=0&cmd%5Bu%5D=user.get%3FFILTER%255BID%255D%3D2");

        Assert.Equal("2", (string?)response.Result["result"]!["u"]![0]!["ID"]);
    }

    [Fact]
    public async Task BatchCountsOnceAsRequestAndEachSubCallAsACall()
    {
        var cmd = Enumerable.Range(0, 5).ToDictionary(i => "t" + i, i => "user.get?ID=" + (i % 2 + 1));

        await BatchAsync(new { cmd });
        var stats = Server.GetStats();

        Assert.Equal(1, stats.TotalRequests);
        Assert.Equal(1, stats.RequestsByMethod["batch"]);
        Assert.Equal(5, stats.BatchSubCalls);
        Assert.Equal(5, stats.CallsByMethod["user.get"]);
    }
}
