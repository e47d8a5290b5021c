using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class WorkflowLifecycleTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 10 };

    [Fact]
    public async Task StartReturnsAnIdThatIsListedWithItsDocument()
    {
        var started = await PostJsonAsync(Admin("bizproc.workflow.start"), new
        {
            TEMPLATE_ID = 1,
            DOCUMENT_ID = new[] { "crm", "CCrmDocumentLead", "LEAD_77" },
            PARAMETERS = new { Comment = "Привет & co", Approver = "user_1" },
        });

        Assert.Equal(200, started.Status);
        var id = (string)started.Result!;
        Assert.Matches(@"^[0-9a-f]{14}\.[0-9]{8}$", id);
        var row = Assert.Single((await PostJsonAsync(Admin("bizproc.workflow.instances"), new
        {
            SELECT = new[] { "ID", "TEMPLATE_ID", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED_BY" },
            FILTER = new { ID = id },
        })).Rows)!;
        Assert.Equal("1", (string?)row["TEMPLATE_ID"]);
        Assert.Equal("CCrmDocumentLead", (string?)row["ENTITY"]);
        Assert.Equal("LEAD_77", (string?)row["DOCUMENT_ID"]);
        Assert.Equal("1", (string?)row["STARTED_BY"]);
        Assert.Equal("Привет & co", Server.Portal.StartParameters(id)!["Comment"]);
    }

    [Fact]
    public async Task StartParametersKeepTheirShapeFromAFormBody()
    {
        var started = await PostFormAsync(Admin("bizproc.workflow.start"),
            "TEMPLATE_ID=1&DOCUMENT_ID[]=crm&DOCUMENT_ID[]=CCrmDocumentLead&DOCUMENT_ID[]=LEAD_5&PARAMETERS[Comment]=&PARAMETERS[List][0]=a&PARAMETERS[List][1]=b");

        var parameters = Server.Portal.StartParameters((string)started.Result!)!;
        Assert.Equal("", parameters["Comment"]);
        Assert.Equal(new object?[] { "a", "b" }, parameters["List"]);
    }

    [Theory]
    [InlineData("{\"DOCUMENT_ID\":[\"crm\",\"CCrmDocumentLead\",\"LEAD_1\"]}", "ERROR_WRONG_WORKFLOW_ID", "Empty TEMPLATE_ID")]
    [InlineData("{\"TEMPLATE_ID\":999,\"DOCUMENT_ID\":[\"crm\",\"CCrmDocumentLead\",\"LEAD_1\"]}", "ERROR_WRONG_WORKFLOW_ID", "Template not found")]
    [InlineData("{\"TEMPLATE_ID\":1,\"DOCUMENT_ID\":[\"crm\",\"LEAD_1\"]}", "", "Wrong DOCUMENT_ID!")]
    [InlineData("{\"TEMPLATE_ID\":1}", "", "Wrong DOCUMENT_ID!")]
    [InlineData("{\"TEMPLATE_ID\":1,\"DOCUMENT_ID\":[\"crm\",\"CCrmDocumentLead\",\"DEAL_1\"]}", "", "Incorrect document type!")]
    [InlineData("{\"TEMPLATE_ID\":1,\"DOCUMENT_ID\":[\"tasks\",\"Task\",\"1\"]}", "", "Incorrect document type!")]
    [InlineData("{\"TEMPLATE_ID\":1,\"DOCUMENT_ID\":[\"crm\",\"CCrmDocumentDeal\",\"DEAL_1\"]}", "", "Template type and DOCUMENT_ID mismatch!")]
    [InlineData("{\"TEMPLATE_ID\":4,\"DOCUMENT_ID\":[\"crm\",\"CCrmDocumentDeal\",\"DEAL_1\"]}", "", "The \"Amount\" field is required.")]
    public async Task StartRejectsWhatThePortalRejects(string body, string code, string description)
    {
        AssertError(await PostJsonAsync(Admin("bizproc.workflow.start"), body), 400, code, description);
        Assert.Equal(10, Server.Portal.RunningWorkflowIds().Count);
    }

    [Fact]
    public async Task TerminatedWorkflowLeavesTheListKeepsItsStatusAndCannotBeTerminatedTwice()
    {
        var id = Server.Portal.RunningWorkflowIds()[0];

        var first = await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = id, STATUS = "Stopped by test" });
        var second = await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = id });

        Assert.Equal(200, first.Status);
        Assert.True((bool)first.Result!);
        AssertError(second, 400, "ERROR_WRONG_WORKFLOW_ID", "Workflow not found");
        Assert.DoesNotContain(id, (await AllInstancesAsync("ID")).Select(r => (string)r["ID"]!));
        Assert.Equal(1, Server.Portal.TerminationCounts()[id]);
        Assert.Equal("Stopped by test", Server.Portal.TerminationStatus(id));
    }

    [Fact]
    public async Task KilledWorkflowIsGoneWithItsData()
    {
        var id = Server.Portal.RunningWorkflowIds()[0];

        var kill = await PostJsonAsync(Admin("bizproc.workflow.kill"), new { ID = id });
        var again = await PostJsonAsync(Admin("bizproc.workflow.kill"), new { ID = id });

        Assert.True((bool)kill.Result!);
        AssertError(again, 400, "ERROR_WRONG_WORKFLOW_ID");
        Assert.DoesNotContain(id, Server.Portal.RunningWorkflowIds());
        Assert.Null(Server.Portal.StartParameters(id));
        Assert.Equal(1, Server.Portal.TerminationCounts()[id]);
    }

    [Theory]
    [InlineData("bizproc.workflow.terminate")]
    [InlineData("bizproc.workflow.kill")]
    public async Task EmptyIdIsRefusedBeforeAnyLookup(string method)
    {
        AssertError(await PostJsonAsync(Admin(method), new { }), 400, "ERROR_WRONG_WORKFLOW_ID", "Empty workflow instance ID");
        AssertError(await PostJsonAsync(Admin(method), new { ID = "" }), 400, "ERROR_WRONG_WORKFLOW_ID", "Empty workflow instance ID");
    }

    [Fact]
    public async Task UnknownIdIsAnError()
        => AssertError(await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = "00000000000000.00000000" }), 400, "ERROR_WRONG_WORKFLOW_ID");
}
