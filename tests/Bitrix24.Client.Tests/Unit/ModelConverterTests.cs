using System.Text.Json;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Tests.Unit;

public class ModelConverterTests
{
    private static T Read<T>(string json) where T : class => B24Json.Deserialize<T>(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Workflow_from_the_documented_answer()
    {
        var workflow = Read<Workflow>("""
            {"DOCUMENT_ID":"LEAD_1","ENTITY":"CCrmDocumentLead","ID":"66e412fdc9bd44.36306599","STARTED":"2024-09-13T10:25:01+00:00",
             "MODULE_ID":"crm","OWNED_UNTIL":null,"TEMPLATE_ID":"1","STARTED_BY":"0","MODIFIED":"2024-09-13T12:00:00+03:00","UF_NOTE":"kept"}
            """);

        Assert.Equal("66e412fdc9bd44.36306599", workflow.Id);
        Assert.Equal(1, workflow.TemplateId);
        Assert.Equal(0, workflow.StartedBy);
        Assert.Equal(new DateTimeOffset(2024, 9, 13, 10, 25, 1, TimeSpan.Zero), workflow.Started);
        Assert.Equal(TimeSpan.FromHours(3), workflow.Modified!.Value.Offset);
        Assert.Null(workflow.OwnedUntil);
        Assert.False(workflow.IsStuck);
        Assert.Equal("crm|CCrmDocumentLead|LEAD_1", workflow.GetDocument()!.ToString());
        Assert.Equal("kept", workflow.GetAdditionalFields()["UF_NOTE"]);
    }

    [Fact]
    public void A_workflow_locked_long_ago_is_stuck()
        => Assert.True(Read<Workflow>("{\"ID\":\"a.1\",\"OWNED_UNTIL\":\"2020-01-01T00:00:00+00:00\"}").IsStuck);

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"Y\"", true)]
    [InlineData("\"1\"", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("\"N\"", false)]
    [InlineData("\"0\"", false)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    [InlineData("\"maybe\"", null)]
    public void Booleans_in_every_spelling(string json, bool? expected)
        => Assert.Equal(expected, Read<B24User>("{\"ID\":\"1\",\"ACTIVE\":" + json + "}").Active);

    [Theory]
    [InlineData("[1,\"3\"]", new[] { 1, 3 })]
    [InlineData("{\"0\":5,\"1\":\"6\"}", new[] { 5, 6 })]
    [InlineData("\"7\"", new[] { 7 })]
    [InlineData("\"\"", null)]
    [InlineData("[]", null)]
    [InlineData("false", new[] { 0 })]
    public void Department_lists_in_every_shape(string json, int[]? expected)
        => Assert.Equal(expected, Read<B24User>("{\"ID\":\"1\",\"UF_DEPARTMENT\":" + json + "}").Departments);

    [Fact]
    public void User_with_portal_habits()
    {
        var user = Read<B24User>("""
            {"ID":"57","NAME":"Vadim","LAST_NAME":"Valeev","SECOND_NAME":"","IS_ONLINE":"N","LAST_LOGIN":"","DATE_REGISTER":"2024-07-15T00:00:00+00:00",
             "WORK_POSITION":{},"TIMESTAMP_X":"24.08.2023 13:19:39","UF_EMPLOYMENT_DATE":"","UF_SKILLS":["a",2,2.5,true,null,{"k":"v"}],"PERSONAL_GENDER":null}
            """);

        Assert.Equal(57, user.Id);
        Assert.Equal("Vadim Valeev", user.DisplayName);
        Assert.Equal("", user.SecondName);
        Assert.False(user.IsOnline);
        Assert.Null(user.LastLogin);
        Assert.Null(user.WorkPosition);
        Assert.Equal(new DateTimeOffset(2024, 7, 15, 0, 0, 0, TimeSpan.Zero), user.DateRegister);
        Assert.Equal("24.08.2023 13:19:39", user.GetAdditionalFields()["TIMESTAMP_X"]);
        Assert.Null(user.GetAdditionalFields()["PERSONAL_GENDER"]);
        var skills = Assert.IsType<object?[]>(user.GetAdditionalFields()["UF_SKILLS"]);
        Assert.Equal("a", skills[0]);
        Assert.Equal(2L, skills[1]);
        Assert.Equal(2.5, skills[2]);
        Assert.Equal(true, skills[3]);
        Assert.Null(skills[4]);
        Assert.Equal("v", Assert.IsType<Dictionary<string, object?>>(skills[5])["k"]);
        Assert.True(user.GetAdditionalFields().ContainsKey("uf_skills"));
    }

    [Fact]
    public void Template_with_portal_habits()
    {
        var template = Read<WorkflowTemplate>("""
            {"ID":"525","MODULE_ID":"crm","ENTITY":"CCrmDocumentDeal","DOCUMENT_TYPE":["crm","CCrmDocumentDeal","DEAL"],"AUTO_EXECUTE":"3",
             "NAME":"Display Time","MODIFIED":"2025-01-22T11:50:22+02:00","IS_MODIFIED":"Y","USER_ID":"503","SYSTEM_CODE":"rest_app_5"}
            """);

        Assert.Equal(525, template.Id);
        Assert.Equal(WorkflowAutoExecute.OnCreateAndUpdate, template.AutoExecute);
        Assert.True(template.IsModified);
        Assert.Equal(503, template.UserId);
        Assert.Equal("DEAL", template.DocumentType![2]);
        Assert.Empty(template.GetAdditionalFields());
    }

    [Theory]
    [InlineData("\"2024-09-13T10:25:01+03:00\"", "2024-09-13T10:25:01+03:00")]
    [InlineData("\"13.09.2024 10:25:01\"", "2024-09-13T10:25:01+00:00")]
    [InlineData("1726223101", "2024-09-13T10:25:01+00:00")]
    public void Dates_in_the_forms_the_portal_writes(string json, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected), Read<Workflow>("{\"ID\":\"x\",\"STARTED\":" + json + "}").Started);

    [Theory]
    [InlineData("\"TEMPLATE_ID\":\"abc\"", "Field TEMPLATE_ID of a Workflow: \"abc\" is not a whole number")]
    [InlineData("\"STARTED_BY\":99999999999", "Field STARTED_BY of a Workflow: 99999999999 is not a whole number in range")]
    [InlineData("\"TEMPLATE_ID\":{\"a\":1}", "Field TEMPLATE_ID of a Workflow")]
    public void A_number_field_holding_something_else_is_an_unexpected_answer_that_names_the_field(string member, string says)
    {
        // Issue 12: a wrong field type is reported, not read as 0 or nothing (an id of 0 would aim the next call wrong).
        var error = Assert.Throws<Bitrix24.Client.Errors.B24Exception>(() => Read<Workflow>("{\"ID\":\"x\"," + member + "}"));

        Assert.Equal(Bitrix24.Client.Errors.B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Contains(says, error.Message);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void An_empty_number_field_is_left_empty(string value)
        => Assert.Null(Read<Workflow>("{\"ID\":\"x\",\"TEMPLATE_ID\":" + value + "}").TemplateId);

    [Fact]
    public void A_numeric_id_reads_as_text()
        => Assert.Equal("12345", Read<Workflow>("{\"ID\":12345}").Id);

    [Fact]
    public void Task_from_the_documented_list_row()
    {
        var task = Read<TaskItem>("""
            {"id":"8017","title":"Task Example","responsibleId":"547","priority":"2","status":"2","auditors":["13","103"],"accomplices":[],
             "responsible":{"id":"547","name":"Maria","link":"/company/personal/user/547/","icon":"/i.png","workPosition":"Tester"},
             "tags":{"35":{"id":35,"title":"arpar"}},"ufCrmTask":["C_627","D_1723"],"ufTaskWebdavFiles":[1065,1077]}
            """);

        Assert.Equal(new long[] { 13, 103 }, task.Auditors);
        Assert.Equal((TaskItemPriority.High, TaskItemStatus.Pending), (task.Priority, task.Status));
        Assert.Null(task.Accomplices);
        Assert.Equal(new[] { "arpar" }, task.Tags);
        Assert.Equal((547L, "Maria", "Tester"), (task.Responsible!.Id, task.Responsible.Name, task.Responsible.WorkPosition));
        // Export-Csv writes ToString(): lists read back by Add-B24Task, people by name and id.
        Assert.Equal(("13,103", "C_627,D_1723", "1065,1077", "Maria (547)"),
            (task.Auditors!.ToString(), task.UfCrmTask!.ToString(), task.UfTaskWebdavFiles!.ToString(), task.Responsible.ToString()));
    }

    [Fact]
    public void Task_priority_and_status_keep_an_unlisted_number_and_read_empty_as_none()
    {
        var task = B24Json.Deserialize<TaskItem>(JsonDocument.Parse("""{"id":"1","priority":"","status":9}""").RootElement);
        Assert.Null(task.Priority);
        Assert.Equal(9, (int)task.Status!.Value);
        var wrong = Assert.Throws<Bitrix24.Client.Errors.B24Exception>(() => B24Json.Deserialize<TaskItem>(JsonDocument.Parse("""{"id":"1","priority":"urgent"}""").RootElement));
        Assert.Contains("Field priority of a TaskItem", wrong.Message);
    }
}
