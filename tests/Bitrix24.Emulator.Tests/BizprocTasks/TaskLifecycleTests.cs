using System.Text.Json.Nodes;
using Xunit;

namespace Bitrix24.Emulator.Tests.BizprocTasks;

/// <summary>Workflows with task steps: tasks for the named users, complete and delegate as documented, the
/// workflow moving on and finishing.</summary>
public sealed class TaskLifecycleTests : BizprocTaskTestBase
{
    private const string ThreeSteps = """
        [{"type":"approve","title":"Approve","users":[1,2],"commentRequired":"YR"},
         {"type":"review","title":"Read it","users":[1]},
         {"type":"request","title":"Add details","users":[1],"commentRequired":"Y","fields":[
            {"id":"contractor","type":"string","name":"Contractor","required":true},
            {"id":"amount","type":"int","name":"Amount"},
            {"id":"scan","type":"file","name":"Scan"}]}]
        """;

    [Fact]
    public async Task AWorkflowWalksItsStepsAndFinishesWhenTheLastTaskIsDone()
    {
        var workflow = await StartAsync(await TemplateAsync(ThreeSteps), 1);

        var approvals = await TasksOfAsync(workflow);
        Assert.Equal(["1", "2"], approvals.Select(t => (string)t["USER_ID"]!));
        Assert.All(approvals, t => Assert.Equal("ApproveActivity", (string?)t["ACTIVITY"]));

        // Bella approves hers through her own webhook, then the administrator his.
        var bella = long.Parse((string)approvals[1]["ID"]!);
        Assert.Equal(200, (await CompleteAsync(NonAdmin("bizproc.task.complete"), new { TASK_ID = bella, STATUS = "yes" })).Status);
        Assert.Single(await TasksOfAsync(workflow), t => (string?)t["ACTIVITY"] == "ApproveActivity" && (string?)t["STATUS"] == "0");
        Assert.Equal(200, (await CompleteAsync(Admin("bizproc.task.complete"), new { TASK_ID = (string)approvals[0]["ID"]!, STATUS = 1 })).Status);

        var review = (await TasksOfAsync(workflow)).Single(t => (string?)t["STATUS"] == "0");
        Assert.Equal("ReviewActivity", (string?)review["ACTIVITY"]);
        Assert.Equal("Acknowledged", (string?)review["PARAMETERS"]!["StatusOkLabel"]);
        Assert.Equal(200, (await CompleteAsync(Admin("bizproc.task.complete"), new { TASK_ID = (string)review["ID"]!, STATUS = "ok" })).Status);

        var request = (await TasksOfAsync(workflow)).Single(t => (string?)t["STATUS"] == "0");
        Assert.Equal("RequestInformationActivity", (string?)request["ACTIVITY"]);
        var fields = request["PARAMETERS"]!["Fields"]!.AsArray();
        Assert.Equal(["contractor", "amount", "scan"], fields.Select(f => (string)f!["Id"]!));
        Assert.True((bool)fields[0]!["Required"]!);
        Assert.Contains(workflow, Server.Portal.RunningWorkflowIds());

        var id = long.Parse((string)request["ID"]!);
        var done = await CompleteAsync(Admin("bizproc.task.complete"), new
        {
            TASK_ID = id, STATUS = 3, COMMENT = "Added",
            FIELDS = new Dictionary<string, object> { ["contractor"] = "C_607", ["amount"] = "12", ["scan"] = new[] { "scan.txt", "aGVsbG8=" } },
        });
        Assert.Equal(200, done.Status);
        Assert.True((bool)done.Result!);
        Assert.DoesNotContain(workflow, Server.Portal.RunningWorkflowIds());   // the workflow finished
        Assert.Equal(new object?[] { "scan.txt", "aGVsbG8=" }, Server.Portal.TaskAnswer(id).Fields!["scan"]);
        Assert.Equal("Completed", (string?)(await TasksOfAsync(workflow))[0]["WORKFLOW_STATE"]);
    }

    [Fact]
    public async Task ARejectionEndsTheWorkflowAndClosesTheOtherTasksOfTheStep()
    {
        var workflow = await StartAsync(await TemplateAsync(ThreeSteps), 2);
        var mine = (await TasksOfAsync(workflow)).First(t => (string?)t["USER_ID"] == "1");

        var noComment = await CompleteAsync(Admin("bizproc.task.complete"), new { TASK_ID = (string)mine["ID"]!, STATUS = "no" });
        AssertError(noComment, 400, "ERROR_TASK_EXECUTION");                  // YR: a comment on rejection
        var rejected = await CompleteAsync(Admin("bizproc.task.complete"), new { TASK_ID = (string)mine["ID"]!, STATUS = "no", COMMENT = "Too much" });
        Assert.Equal(200, rejected.Status);

        Assert.DoesNotContain(workflow, Server.Portal.RunningWorkflowIds());
        Assert.All(await TasksOfAsync(workflow), t => Assert.Equal("2", (string?)t["STATUS"]));
        var again = await CompleteAsync(Admin("bizproc.task.complete"), new { TASK_ID = (string)mine["ID"]!, STATUS = "yes" });
        AssertError(again, 400, "ERROR_TASK_COMPLETED", "Task already completed");
    }

    [Fact]
    public async Task CompleteAnswersEveryDocumentedError()
    {
        var workflow = await StartAsync(await TemplateAsync(ThreeSteps), 3);
        var tasks = await TasksOfAsync(workflow);
        var mine = (string)tasks.First(t => (string?)t["USER_ID"] == "1")["ID"]!;
        var bellas = (string)tasks.First(t => (string?)t["USER_ID"] == "2")["ID"]!;
        var url = Admin("bizproc.task.complete");

        AssertError(await CompleteAsync(url, new { STATUS = 1 }), 400, "ERROR_TASK_VALIDATION", "empty TASK_ID");
        AssertError(await CompleteAsync(url, new { TASK_ID = mine, STATUS = 7 }), 400, "ERROR_TASK_VALIDATION", "incorrect STATUS");
        AssertError(await CompleteAsync(url, new { TASK_ID = mine, STATUS = "ok" }), 400, "ERROR_TASK_VALIDATION", "incorrect STATUS"); // an approval is not acknowledged
        AssertError(await CompleteAsync(url, new { TASK_ID = 999999, STATUS = 1 }), 400, "ERROR_TASK_NOT_FOUND", "Task not found");
        AssertError(await CompleteAsync(url, new { TASK_ID = bellas, STATUS = 1 }), 400, "ERROR_TASK_NOT_FOUND", "Task not found"); // only your own
        Assert.Equal("0", (string?)(await TasksOfAsync(workflow)).First(t => (string?)t["ID"] == bellas)["STATUS"]);

        var other = await TemplateAsync("""[{"type":"RobotActivity","users":[1]}]""");
        var odd = (string)(await TasksOfAsync(await StartAsync(other, 4)))[0]["ID"]!;
        AssertError(await CompleteAsync(url, new { TASK_ID = odd, STATUS = 3 }), 400, "ERROR_TASK_TYPE", "Incorrect task type");
    }

    [Fact]
    public async Task ARequestChecksItsFieldsAndComment()
    {
        var template = await TemplateAsync(ThreeSteps.Replace("\"users\":[1,2]", "\"users\":[1]")); // the administrator alone
        var workflow = await StartAsync(template, 5);
        var url = Admin("bizproc.task.complete");
        Assert.Equal(200, (await CompleteAsync(url, new { TASK_ID = (string)(await TasksOfAsync(workflow))[0]["ID"]!, STATUS = 1 })).Status);
        Assert.Equal(200, (await CompleteAsync(url, new { TASK_ID = (string)(await TasksOfAsync(workflow)).Single(t => (string?)t["STATUS"] == "0")["ID"]!, STATUS = 3 })).Status);
        var request = (string)(await TasksOfAsync(workflow)).Single(t => (string?)t["STATUS"] == "0")["ID"]!;

        AssertError(await CompleteAsync(url, new { TASK_ID = request, STATUS = 3, FIELDS = new { contractor = "C_1" } }), 400, "ERROR_TASK_EXECUTION", "Comment is required");
        AssertError(await CompleteAsync(url, new { TASK_ID = request, STATUS = 3, COMMENT = "x", FIELDS = new { amount = "1" } }), 400, "ERROR_TASK_EXECUTION", "The field \"Contractor\" is required.");
        AssertError(await CompleteAsync(url, new { TASK_ID = request, STATUS = 3, COMMENT = "x", FIELDS = new { contractor = "C", amount = "ten" } }), 400, "ERROR_TASK_EXECUTION");
        AssertError(await CompleteAsync(url, new { TASK_ID = request, STATUS = 3, COMMENT = "x", FIELDS = new { contractor = "C", scan = new[] { "a.txt", "not base64!" } } }), 400, "ERROR_TASK_EXECUTION");
        AssertError(await CompleteAsync(url, new { TASK_ID = request, STATUS = 4, COMMENT = "x" }), 400, "ERROR_TASK_VALIDATION", "incorrect STATUS"); // no rejection on this type
        Assert.Equal(200, (await CompleteAsync(url, new { TASK_ID = request, STATUS = 3, COMMENT = "x", FIELDS = new { contractor = "C" } })).Status);
    }

    [Fact]
    public async Task DelegateMovesTasksAndAnswersEveryDocumentedError()
    {
        Assert.Equal(200, (await SeedAsync("""{"users":2,"extranetUsers":[4]}""")).Status); // users 3 and 4; 4 is extranet
        var everyone = await TemplateAsync("""[{"type":"approve","users":[2],"delegation":"everyone"}]""");
        var subordinates = await TemplateAsync("""[{"type":"approve","users":[1],"delegation":"subordinates"}]""");
        var noOne = await TemplateAsync("""[{"type":"approve","users":[1],"delegation":"noOne"}]""");
        var bellas = new List<long>();
        for (var i = 0; i < 3; i++)
            bellas.Add(long.Parse((string)(await TasksOfAsync(await StartAsync(everyone, 10 + i)))[0]["ID"]!));
        var url = Admin("bizproc.task.delegate");

        var moved = await PostJsonAsync(url, new { TASK_IDS = bellas, FROM_USER_ID = 2, TO_USER_ID = 3 });
        Assert.Equal(200, moved.Status);
        Assert.True((bool)moved.Result!);
        Assert.All(bellas, id => Assert.Equal(3, Server.Portal.TaskUser(id)));

        AssertError(await PostJsonAsync(url, new { FROM_USER_ID = 3, TO_USER_ID = 1 }), 400, "ERROR_TASK_VALIDATION", "Invalid TASK_IDS");
        AssertError(await PostJsonAsync(url, new { TASK_IDS = bellas, TO_USER_ID = 1 }), 400, "ERROR_INVALID_USER_ID", "Invalid FROM_USER_ID");
        AssertError(await PostJsonAsync(url, new { TASK_IDS = bellas, FROM_USER_ID = 3, TO_USER_ID = 99 }), 400, "ERROR_INVALID_USER_ID", "Invalid TO_USER_ID");
        AssertError(await PostJsonAsync(url, new { TASK_IDS = bellas, FROM_USER_ID = 3, TO_USER_ID = 4 }), 400, "ERROR_DELEGATION_NOT_ALLOWED", "Task delegation is only available for intranet users");
        AssertError(await PostJsonAsync(url, new { TASK_IDS = bellas, FROM_USER_ID = 2, TO_USER_ID = 1 }), 400, "ERROR_DELEGATION_NOT_ALLOWED",
            "User is not responsible for the task;User is not responsible for the task;User is not responsible for the task");

        var sub = long.Parse((string)(await TasksOfAsync(await StartAsync(subordinates, 20)))[0]["ID"]!);
        var none = long.Parse((string)(await TasksOfAsync(await StartAsync(noOne, 21)))[0]["ID"]!);
        AssertError(await PostJsonAsync(url, new { TASK_IDS = new[] { sub }, FROM_USER_ID = 1, TO_USER_ID = 3 }), 400, "ERROR_DELEGATION_NOT_ALLOWED", "Tasks can only be delegated to subordinates");
        AssertError(await PostJsonAsync(url, new { TASK_IDS = new[] { none }, FROM_USER_ID = 1, TO_USER_ID = 2 }), 400, "ERROR_DELEGATION_NOT_ALLOWED", "Task delegation is not allowed");
        Assert.Equal(200, (await PostJsonAsync(url, new { TASK_IDS = new[] { sub }, FROM_USER_ID = 1, TO_USER_ID = 2 })).Status); // 2 is his subordinate
        Assert.Equal(2, Server.Portal.TaskUser(sub));

        // A non-administrator delegates only her own tasks.
        AssertError(await PostJsonAsync(NonAdmin("bizproc.task.delegate"), new { TASK_IDS = bellas, FROM_USER_ID = 3, TO_USER_ID = 1 }), 400, "ERROR_DELEGATION_NOT_ALLOWED");
    }
}
