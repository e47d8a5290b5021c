using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Bitrix24.Emulator.Tests.BizprocTasks;

/// <summary>Seeding helpers for the workflow-task tests: a template with the steps given, workflows over it.</summary>
public abstract class BizprocTaskTestBase : EmulatorTestBase
{
    protected async Task<WireResponse> SeedAsync(string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await ReadAsync(await Http.PostAsync(new Uri(Server.BaseUrl, "emulator/seed"), body));
    }

    /// <summary>A deal template with the given steps (JSON array text); returns its id.</summary>
    protected async Task<long> TemplateAsync(string steps)
    {
        var seeded = await SeedAsync($$"""{"taskTemplates":[{"name":"Steps","entity":"CCrmDocumentDeal","steps":{{steps}}}]}""");
        Assert.Equal(200, seeded.Status);
        return (long)seeded.Body["taskTemplateIds"]![0]!;
    }

    /// <summary>Starts a workflow of the template on a new deal; returns its id.</summary>
    protected async Task<string> StartAsync(long templateId, int deal)
    {
        var started = await PostJsonAsync(Admin("bizproc.workflow.start"), new
        {
            TEMPLATE_ID = templateId,
            DOCUMENT_ID = new[] { "crm", "CCrmDocumentDeal", "DEAL_" + deal },
        });
        Assert.Equal(200, started.Status);
        return (string)started.Result!;
    }

    /// <summary>Tasks of one workflow (every field), as the administrator sees them.</summary>
    protected async Task<List<JsonObject>> TasksOfAsync(string workflowId)
    {
        var listed = await PostJsonAsync(Admin("bizproc.task.list"), new { SELECT = AllFields, FILTER = new { WORKFLOW_ID = workflowId } });
        Assert.Equal(200, listed.Status);
        return listed.Rows.Select(r => r!.AsObject()).ToList();
    }

    protected static readonly string[] AllFields =
    [
        "ID", "WORKFLOW_ID", "DOCUMENT_NAME", "DESCRIPTION", "NAME", "MODIFIED", "WORKFLOW_STARTED", "WORKFLOW_STARTED_BY",
        "OVERDUE_DATE", "WORKFLOW_TEMPLATE_ID", "WORKFLOW_TEMPLATE_NAME", "WORKFLOW_STATE", "STATUS", "USER_ID", "USER_STATUS",
        "MODULE_ID", "ENTITY", "DOCUMENT_ID", "ACTIVITY", "ACTIVITY_NAME", "DOCUMENT_URL", "PARAMETERS",
    ];

    protected Task<WireResponse> CompleteAsync(string url, object body) => PostJsonAsync(url, body);
}
