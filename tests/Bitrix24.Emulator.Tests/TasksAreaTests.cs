using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Tests;

/// <summary>The tasks area on the wire: the docs' shapes, types and letter case, and their errors.</summary>
public sealed class TasksAreaTests : EmulatorTestBase
{
    private static object FlowData(string name, object? extra = null) => new
    {
        flowData = new { name, plannedCompletionTime = 7200, distributionType = "manually", responsibleList = new[] { new[] { "user", "1" } } },
    };

    [Fact]
    public async Task Create_answers_the_documented_flow_with_numbers_booleans_and_a_new_group()
    {
        var response = await PostJsonAsync(Admin("tasks.flow.Flow.create"), FlowData("Wire flow"));
        Assert.Equal(200, response.Status);
        var flow = response.Result;
        Assert.Equal(JsonValueKind.Number, flow["id"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, flow["active"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, flow["matchWorkTime"]!.GetValueKind());
        Assert.True((long)flow["groupId"]! > 3);
        Assert.Equal("manually", (string?)flow["distributionType"]);
        Assert.Equal("""[["user","1"]]""", flow["responsibleList"]!.ToJsonString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", (string)flow["activity"]!);
    }

    [Fact]
    public async Task Flow_errors_are_code_0_with_HTTP_400()
    {
        await PostJsonAsync(Admin("tasks.flow.Flow.create"), FlowData("Taken"));
        var duplicate = await PostJsonAsync(Admin("tasks.flow.Flow.create"), FlowData("Taken"));
        Assert.Equal((400, "0", "A flow with this name already exists"), (duplicate.Status, duplicate.Error, duplicate.ErrorDescription));

        var invalid = await PostJsonAsync(Admin("tasks.flow.Flow.create"), new { flowData = new { name = "Bad", plannedCompletionTime = 60, distributionType = "random", responsibleList = new[] { new[] { "user", "1" } } } });
        Assert.Equal((400, "0", "'distributionType': field's value has an invalid value"), (invalid.Status, invalid.Error, invalid.ErrorDescription));

        var unknown = await PostJsonAsync(Admin("tasks.flow.Flow.activate"), new { flowId = 999 });
        Assert.Equal((400, "0", "Flow not found"), (unknown.Status, unknown.Error, unknown.ErrorDescription));

        // update/delete/activate: the creator or administrator only
        var denied = await PostJsonAsync(NonAdmin("tasks.flow.Flow.activate"), new { flowId = 1 });
        Assert.Equal((400, "Access denied or flow not found"), (denied.Status, denied.ErrorDescription));
    }

    [Fact]
    public async Task Task_add_answers_string_ids_and_Y_N_and_the_ERROR_CORE_errors()
    {
        var added = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "T", RESPONSIBLE_ID = 2, DEADLINE = "2026-01-31T18:00:00+02:00" } });
        var task = added.Result["task"]!;
        Assert.Equal(JsonValueKind.String, task["id"]!.GetValueKind());
        Assert.Equal("2", (string?)task["responsibleId"]);
        Assert.Equal("N", (string?)task["multitask"]);
        Assert.Equal("2026-01-31T19:00:00+03:00", (string?)task["deadline"]);

        var noTitle = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { RESPONSIBLE_ID = 1 } });
        Assert.Equal((400, "ERROR_CORE", "Task title is not specified<br>"), (noTitle.Status, noTitle.Error, noTitle.ErrorDescription));
        var noFields = await PostJsonAsync(Admin("tasks.task.add"), new { });
        Assert.Equal((400, "100"), (noFields.Status, noFields.Error));
        var badPlan = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "P", RESPONSIBLE_ID = 1, START_DATE_PLAN = "2026-02-02T00:00:00+00:00", END_DATE_PLAN = "2026-02-01T00:00:00+00:00" } });
        Assert.Contains("earlier than the start date", badPlan.ErrorDescription);
        var parent = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "P", RESPONSIBLE_ID = 1, PARENT_ID = 4242 } });
        Assert.Contains("Parent Task", parent.ErrorDescription);

        var missing = await PostJsonAsync(Admin("tasks.task.get"), new { taskId = 4242 });
        Assert.Equal("[]", missing.Result.ToJsonString());
        var list = await PostJsonAsync(Admin("tasks.task.list"), new { select = new[] { "ID", "TITLE" } });
        Assert.Equal(1, (int)list.Body["total"]!);
        Assert.Equal("""[{"id":"1","title":"T"}]""", list.Result["tasks"]!.ToJsonString());
    }

    [Fact]
    public async Task Tags_are_keyed_by_tag_id_as_the_list_page_shows_and_empty_is_an_array()
    {
        var tagged = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "A", RESPONSIBLE_ID = 1, TAGS = new[] { "alpha", "beta" } } });
        Assert.Equal("""{"1":{"id":1,"title":"alpha"},"2":{"id":2,"title":"beta"}}""", tagged.Result["task"]!["tags"]!.ToJsonString());
        // A tag is a row of its own: a second task with "beta" carries the same id.
        var again = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "B", RESPONSIBLE_ID = 1, TAGS = new[] { "beta" } } });
        Assert.Equal("""{"2":{"id":2,"title":"beta"}}""", again.Result["task"]!["tags"]!.ToJsonString());
        var plain = await PostJsonAsync(Admin("tasks.task.add"), new { fields = new { TITLE = "C", RESPONSIBLE_ID = 1 } });
        Assert.Equal("[]", plain.Result["task"]!["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task Seed_api_adds_flows_and_tasks()
    {
        var seeded = await PostJsonAsync(new Uri(Server.BaseUrl, "emulator/seed").ToString(), new { flows = 2, tasks = 3 });
        Assert.Equal(200, seeded.Status);
        Assert.Equal([1L, 2L], Server.Portal.FlowIds());
        Assert.Equal([1L, 2L, 3L], Server.Portal.TaskIds());
    }
}
