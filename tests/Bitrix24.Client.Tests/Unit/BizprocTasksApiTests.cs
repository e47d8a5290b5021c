using System.Text.Json;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>bizproc.task.* on the wire and the task model read from the list page's own example.</summary>
public class BizprocTasksApiTests
{
    [Fact]
    public async Task The_list_pages_with_START_and_sends_every_field_and_the_typed_filters()
    {
        var handler = new MockHandler((r, _) => Responses.Result("[]", total: 0));
        using var client = TestClients.Create(handler);
        var query = new BizprocTaskQuery
        {
            UserIds = [1, 7], Statuses = [BizprocTaskState.Running], WorkflowIds = ["66e4.1"], TemplateId = 5,
            Activities = [BizprocTask.ApproveActivity], Filter = new Dictionary<string, object?> { [">=MODIFIED"] = "2026-01-01" },
        };

        await foreach (var _ in client.ListAsync(BizprocTasksApi.List(query), rowLimit: 10)) { }

        var body = handler.Requests.Single().Json;
        Assert.Equal(0, body.GetProperty("START").GetInt32());
        Assert.False(body.TryGetProperty("start", out _));
        Assert.Equal(BizprocTasksApi.AllFields, body.GetProperty("SELECT").EnumerateArray().Select(e => e.GetString()));
        var filter = body.GetProperty("FILTER");
        Assert.Equal([1, 7], filter.GetProperty("USER_ID").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, filter.GetProperty("STATUS").GetInt32());
        Assert.Equal("66e4.1", filter.GetProperty("WORKFLOW_ID").GetString());
        Assert.Equal(5, filter.GetProperty("WORKFLOW_TEMPLATE_ID").GetInt32());
        Assert.Equal("ApproveActivity", filter.GetProperty("ACTIVITY").GetString());
        Assert.Equal("2026-01-01", filter.GetProperty(">=MODIFIED").GetString());
        Assert.Equal("ASC", body.GetProperty("ORDER").GetProperty("ID").GetString());
    }

    [Fact]
    public void Complete_and_delegate_carry_the_documented_parameters()
    {
        var complete = BizprocTasksApi.Complete(1501, BizprocTaskCompletion.Acknowledged, "Added",
            new Dictionary<string, object?> { ["contractor"] = "C_607" });
        Assert.Equal(["TASK_ID", "STATUS", "COMMENT", "FIELDS"], complete.Parameters.Keys);
        Assert.Equal(3, complete.Parameters["STATUS"]);
        Assert.False(complete.IsRead);

        var bare = BizprocTasksApi.Complete(1, BizprocTaskCompletion.Approved);
        Assert.Equal(["TASK_ID", "STATUS"], bare.Parameters.Keys);

        var delegate_ = BizprocTasksApi.Delegate([1128, 1129, 1128], 15, 37);
        Assert.Equal(["TASK_IDS", "FROM_USER_ID", "TO_USER_ID"], delegate_.Parameters.Keys);
        Assert.Equal([1128L, 1129L], (IEnumerable<long>)delegate_.Parameters["TASK_IDS"]!);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void Ids_that_are_not_positive_are_refused_before_sending(long id)
    {
        Assert.Throws<ArgumentException>(() => BizprocTasksApi.Complete(id, BizprocTaskCompletion.Approved));
        Assert.Throws<ArgumentException>(() => BizprocTasksApi.Delegate([id], 1, 2));
        Assert.Throws<ArgumentException>(() => BizprocTasksApi.Delegate([1], 1, id));
        Assert.Throws<ArgumentException>(() => BizprocTasksApi.Complete(1, (BizprocTaskCompletion)9));
    }

    [Fact]
    public void A_task_reads_from_the_list_pages_example_with_its_fields_and_allowed_statuses()
    {
        var task = B24Json.Deserialize<BizprocTask>(JsonDocument.Parse("""
            {"ENTITY":"BizprocDocument","DOCUMENT_ID":"2249","ID":"1477","WORKFLOW_ID":"67a2ffdb2c57a3.35276854",
             "NAME":"Add Contractor Information","MODIFIED":"2025-02-05T09:06:19+02:00","OVERDUE_DATE":null,
             "WORKFLOW_TEMPLATE_ID":"565","STATUS":"0","USER_ID":"1","USER_STATUS":"0","MODULE_ID":"lists",
             "ACTIVITY":"RequestInformationActivity","ACTIVITY_NAME":"A3651_68033_56029_16413",
             "PARAMETERS":{"CommentLabel":"Comment","CommentRequired":"Y","ShowComment":"Y","StatusOkLabel":"Save Result",
               "Fields":[{"Id":"contractor","Type":"E:ECrm","Name":"Contractor","Description":"Who performs the work","Multiple":false,
                 "Required":true,"Options":{"LEAD":"N","CONTACT":"Y"},"Settings":null,"Default":["C_607"]},
                {"Id":"phone_number","Type":"string","Name":"Phone Number","Description":"","Multiple":false,"Required":true,
                 "Options":null,"Settings":null,"Default":""}]},
             "DOCUMENT_URL":"/bizproc/processes/?livefeed=y&list_id=171&element_id=2249"}
            """).RootElement);

        Assert.Equal(1477, task.Id);
        Assert.Equal(BizprocTaskState.Running, task.Status);
        Assert.Equal(1, task.UserId);
        Assert.Equal(565, task.WorkflowTemplateId);
        Assert.Equal([BizprocTaskCompletion.Acknowledged], task.AllowedStatuses);
        Assert.True(task.Parameters!.ShowComment);
        Assert.True(task.Parameters.RequiresComment(BizprocTaskCompletion.Acknowledged));
        var contractor = task.Parameters.Fields![0];
        Assert.Equal("Y", contractor.Options!["CONTACT"]);
        Assert.Equal(new object?[] { "C_607" }, contractor.Default);
        Assert.Equal(["contractor", "phone_number"], task.NewFieldValues().Keys);
        Assert.Equal("1477 Add Contractor Information", task.ToString());
    }

    [Theory]
    [InlineData("ApproveActivity", "Approved,Rejected")]
    [InlineData("ReviewActivity", "Acknowledged")]
    [InlineData("RequestInformationOptionalActivity", "Acknowledged,Cancelled")]
    [InlineData("SomethingElse", "")]
    public void Allowed_statuses_follow_the_complete_pages_table(string activity, string allowed)
        => Assert.Equal(allowed, string.Join(",", BizprocTask.AllowedFor(activity)));

    [Theory]
    [InlineData("N", BizprocTaskCompletion.Rejected, false)]
    [InlineData("YA", BizprocTaskCompletion.Approved, true)]
    [InlineData("YA", BizprocTaskCompletion.Rejected, false)]
    [InlineData("YR", BizprocTaskCompletion.Cancelled, true)]
    [InlineData("YR", BizprocTaskCompletion.Acknowledged, false)]
    public void CommentRequired_is_read_as_the_list_page_defines_it(string rule, BizprocTaskCompletion status, bool required)
        => Assert.Equal(required, new BizprocTaskParameters { CommentRequired = rule }.RequiresComment(status));
}
