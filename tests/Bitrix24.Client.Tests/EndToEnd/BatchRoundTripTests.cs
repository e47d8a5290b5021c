using System.Collections;
using System.Collections.Specialized;
using Bitrix24.Client.Api;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Emulator;

namespace Bitrix24.Client.Tests.EndToEnd;

public class BatchRoundTripTests : EmulatorClientTestBase
{
    private static readonly DocumentId Deal = new("crm", "CCrmDocumentDeal", "DEAL_5");

    [Fact]
    public async Task Parameters_survive_the_php_query_encoding_as_php_reads_them()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["Null"] = null,
            ["True"] = true,
            ["False"] = false,
            ["Number"] = 12.5m,
            ["Text"] = "Привет 👋 a&b=c%d+e #1 [x]",
            ["List"] = new object?[] { "a", new object?[] { "b", null }, new OrderedDictionary { ["k"] = "v" } },
            ["Map"] = new Hashtable { ["Ключ"] = "значение" },
            ["EmptyList"] = Array.Empty<object>(),
            ["Date"] = new DateTimeOffset(2024, 9, 13, 10, 25, 1, TimeSpan.FromHours(3)),
        };

        var batch = await Client.BatchAsync(new[] { WorkflowsApi.Start(2, Deal, parameters).ToBatchCommand("s") });

        var item = Assert.Single(batch.Items);
        Assert.True(item.Succeeded, item.Error?.Message);
        var started = Server.Portal.StartParameters(item.Result.GetString()!)!;
        Assert.Equal("", started["Null"]);
        Assert.Equal("1", started["True"]);
        Assert.Equal("0", started["False"]);
        Assert.Equal("12.5", started["Number"]);
        Assert.Equal("Привет 👋 a&b=c%d+e #1 [x]", started["Text"]);
        var list = Assert.IsType<object?[]>(started["List"]);
        Assert.Equal("a", list[0]);
        Assert.Equal(new object?[] { "b", "" }, Assert.IsType<object?[]>(list[1]));
        Assert.Equal("v", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(list[2])["k"]);
        Assert.Equal("значение", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(started["Map"])["Ключ"]);
        Assert.Equal("", started["EmptyList"]);
        Assert.Equal("2024-09-13T10:25:01+03:00", started["Date"]);
    }

    [Fact]
    public async Task The_same_parameters_in_a_json_call_keep_their_types()
    {
        var id = await Client.CallAsync(WorkflowsApi.Start(2, Deal, new Dictionary<string, object?> { ["Null"] = null, ["True"] = true, ["List"] = new[] { 1, 2 } }));

        var started = Server.Portal.StartParameters(id)!;
        Assert.Null(started["Null"]);
        Assert.Equal(true, started["True"]);
        Assert.Equal(new object?[] { 1L, 2L }, Assert.IsType<object?[]>(started["List"]));
    }

    [Fact]
    public async Task A_later_command_can_use_an_earlier_result()
    {
        var batch = await Client.BatchAsync(new[]
        {
            WorkflowsApi.Start(2, Deal).ToBatchCommand("start"),
            WorkflowsApi.Terminate(B24BatchCommand.ResultReference("start"), "chained").ToBatchCommand("stop"),
        });

        Assert.All(batch.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        var id = batch.Items[0].Result.GetString()!;
        Assert.Equal(1, Server.Portal.TerminationCounts()[id]);
        Assert.Equal("chained", Server.Portal.TerminationStatus(id));
    }

    [Fact]
    public async Task Per_item_errors_and_halt_come_back_in_order()
    {
        var running = Server.Portal.SeedWorkflows(2);

        var batch = await Client.BatchAsync(new[]
        {
            WorkflowsApi.Terminate(running[0]).ToBatchCommand("a"),
            WorkflowsApi.Terminate("no-such-workflow.1").ToBatchCommand("b"),
            WorkflowsApi.Terminate(running[1]).ToBatchCommand("c"),
        }, halt: true);

        Assert.Equal(new[] { "a", "b", "c" }, batch.Items.Select(i => i.Key));
        Assert.True(batch.Items[0].Succeeded);
        Assert.False(batch.Items[1].Succeeded);
        Assert.Equal(WorkflowsApi.TerminateMethod, batch.Items[1].Error!.Method);
        Assert.Equal(B24ErrorCodes.BatchHalted, batch.Items[2].Error!.Code);
        Assert.Equal(new[] { running[1] }, Server.Portal.RunningWorkflowIds());
    }

    [Fact]
    public async Task Over_fifty_commands_are_split_and_each_runs_once()
    {
        var running = Server.Portal.SeedWorkflows(120);

        var batch = await Client.BatchAsync(running.Select((id, i) => WorkflowsApi.Terminate(id).ToBatchCommand("t" + i)).ToList());

        Assert.Equal(3, batch.HttpRequests);
        Assert.All(batch.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        Assert.Equal(3, Server.GetStats().RequestsByMethod["batch"]);
        Assert.Empty(Server.Portal.RunningWorkflowIds());
        Assert.All(running, id => Assert.Equal(1, Server.Portal.TerminationCounts()[id]));
    }

    [Fact]
    public async Task A_raw_command_string_runs_as_written()
    {
        var batch = await Client.BatchAsync(new[]
        {
            B24BatchCommand.FromQueryString("me", "user.get?FILTER[ID]=1&select[0]=ID&select[1]=NAME"),
            B24BatchCommand.FromQueryString("current", "user.current"),
        });

        Assert.All(batch.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        Assert.Equal("1", batch.Items[0].Result[0].GetProperty("ID").GetString());
        Assert.Equal(1, batch.Items[0].Total);
    }
}
