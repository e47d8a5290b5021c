using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests.BizprocTasks;

/// <summary>bizproc.task.list: the docs' default select, shapes, filters, order, START paging, access and errors.</summary>
public sealed class TaskListTests : BizprocTaskTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedBizprocTasks = 120 };

    [Fact]
    public async Task SeedingFromTheCommandLineGivesUserOneRunningApprovalTasksWithTheDocsDefaultFields()
    {
        var page = await PostJsonAsync(Admin("bizproc.task.list"), new { FILTER = new { USER_ID = 1, STATUS = 0 } });

        Assert.Equal(200, page.Status);
        Assert.Equal(120, (int)page.Body["total"]!);
        Assert.Equal(50, (int)page.Body["next"]!);
        var row = page.Rows[0]!.AsObject();
        Assert.Equal(["ENTITY", "DOCUMENT_ID", "ID", "WORKFLOW_ID", "DOCUMENT_NAME", "NAME", "DOCUMENT_URL"], row.Select(p => p.Key));
        Assert.IsType<string>((string?)row["ID"]);          // numbers print as strings, as in the docs
        Assert.Equal(120, Server.Portal.RunningTaskIds(1).Count);
    }

    [Fact]
    public async Task EveryDocumentedFieldCanBeSelectedAndPrintsAsTheExample()
    {
        var page = await PostJsonAsync(Admin("bizproc.task.list"), new { SELECT = AllFields, ORDER = new { ID = "DESC" } });

        var row = page.Rows[0]!.AsObject();
        Assert.Equal(AllFields, row.Select(p => p.Key));
        Assert.Equal("0", (string?)row["STATUS"]);
        Assert.Equal("0", (string?)row["USER_STATUS"]);
        Assert.Equal("1", (string?)row["USER_ID"]);
        Assert.Equal("ApproveActivity", (string?)row["ACTIVITY"]);
        Assert.Equal("Waiting for Approval", (string?)row["WORKFLOW_STATE"]);
        Assert.Null(row["OVERDUE_DATE"]);
        var parameters = row["PARAMETERS"]!.AsObject();
        Assert.Equal("N", (string?)parameters["CommentRequired"]);
        Assert.Equal("Approve", (string?)parameters["StatusYesLabel"]);
        Assert.Equal("Reject", (string?)parameters["StatusNoLabel"]);
        var ids = page.Rows.Select(r => long.Parse((string)r!["ID"]!)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Fact]
    public async Task StartPagesThroughInFifties()
    {
        var seen = new List<string>();
        int? start = 0;
        while (start is { } offset)
        {
            var page = await PostJsonAsync(Admin("bizproc.task.list"), new { SELECT = new[] { "ID" }, START = offset });
            seen.AddRange(page.Rows.Select(r => (string)r!["ID"]!));
            start = (int?)page.Body["next"];
        }
        Assert.Equal(120, seen.Distinct().Count());
    }

    [Fact]
    public async Task FiltersTakeTheDocumentedPrefixesAndIdComparesAsANumber()
    {
        var ids = Server.Portal.RunningTaskIds(1);
        var page = await PostJsonAsync(Admin("bizproc.task.list"), new Dictionary<string, object>
        {
            ["SELECT"] = new[] { "ID" },
            ["FILTER"] = new Dictionary<string, object> { [">ID"] = ids[9], ["<=id"] = ids[19], ["activity"] = "ApproveActivity", ["!STATUS"] = 3 },
        });
        Assert.Equal(ids.Skip(10).Take(10), page.Rows.Select(r => long.Parse((string)r!["ID"]!)));

        var none = await PostJsonAsync(Admin("bizproc.task.list"), new { FILTER = new { ACTIVITY = "ReviewActivity" } });
        Assert.Equal(0, (int)none.Body["total"]!);

        var like = await PostJsonAsync(Admin("bizproc.task.list"), new Dictionary<string, object> { ["FILTER"] = new Dictionary<string, object> { ["%NAME"] = "x" } });
        Assert.Equal(400, like.Status);                     // bizproc knows only the comparison prefixes
    }

    [Theory]
    [InlineData("{\"SELECT\":[\"ID\",\"NO_SUCH_FIELD\"]}")]
    [InlineData("{\"SELECT\":\"ID\"}")]
    [InlineData("{\"SELECT\":{\"a\":\"ID\"}}")]
    public async Task ABadSelectIsTheDocumentedValidationFailure(string body)
    {
        var response = await PostJsonAsync(Admin("bizproc.task.list"), body);
        AssertError(response, 400, "ERROR_SELECT_VALIDATION_FAILURE", "Invalid data in SELECT parameter");
    }

    [Fact]
    public async Task ANonAdministratorSeesOwnTasksAndSubordinatesOnly()
    {
        Server.Portal.SeedBizprocTasks(3, userId: 2);

        var own = await PostJsonAsync(NonAdmin("bizproc.task.list"), new { SELECT = new[] { "ID", "USER_ID" } });
        Assert.Equal(3, (int)own.Body["total"]!);
        Assert.All(own.Rows, r => Assert.Equal("2", (string?)r!["USER_ID"]));

        var others = await PostJsonAsync(NonAdmin("bizproc.task.list"), new { FILTER = new { USER_ID = 1 } });
        AssertError(others, 400, "ACCESS_DENIED", "Access denied!");

        var all = await PostJsonAsync(Admin("bizproc.task.list"), new { SELECT = new[] { "ID" } });
        Assert.Equal(123, (int)all.Body["total"]!); // an administrator without USER_ID sees everyone's
    }
}
