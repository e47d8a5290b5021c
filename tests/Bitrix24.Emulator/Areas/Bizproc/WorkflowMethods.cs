using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>
/// bizproc.workflow.start / instances (alias instance.list) / terminate / kill, administrators only, with the
/// errors their doc pages list. Terminated and killed workflows leave the instances list.
/// </summary>
internal static class WorkflowMethods
{
    private const string WrongWorkflowId = "ERROR_WRONG_WORKFLOW_ID";

    public static MethodResult Instances(MethodContext context)
    {
        context.RequireAdmin();
        var parameters = context.Params;
        var schema = WorkflowRow.Schema;
        var fields = ListSelect.Parse(schema, parameters.Get("SELECT"), "ID", "MODIFIED", "OWNED_UNTIL");
        var filter = new ListFilter<WorkflowRow>(schema, PhpValues.Entries(parameters.Get("FILTER")) ?? [], ListFilter<WorkflowRow>.ComparisonOps, rejectOthers: true);
        var order = ListOrder<WorkflowRow>.Parse(schema, parameters.Get("ORDER"), ("MODIFIED", true));
        return ListPage.Build(context, context.Area<BizprocArea>().RunningWorkflows, filter, order, w => w.Id, w => schema.Render(w, fields));
    }

    public static MethodResult Start(MethodContext context)
    {
        context.RequireAdmin();
        var parameters = context.Params;
        var bizproc = context.Area<BizprocArea>();

        var templateId = PhpValues.ToInt(parameters.Get("TEMPLATE_ID"));
        if (templateId == 0)
            throw new RestException(400, WrongWorkflowId, "Empty TEMPLATE_ID");
        var template = bizproc.FindTemplate(templateId) ?? throw new RestException(400, WrongWorkflowId, "Template not found");

        var document = DocumentParts(parameters.Get("DOCUMENT_ID")) ?? throw RestException.Bizproc("Wrong DOCUMENT_ID!");
        var (module, entity, element) = document;
        var type = DocumentTypes.Resolve(module, entity, element) ?? throw RestException.Bizproc("Incorrect document type!");
        if (module != template.ModuleId || entity != template.Entity || type != template.DocumentType)
            throw RestException.Bizproc("Template type and DOCUMENT_ID mismatch!");

        var values = ParameterValues(parameters.Get("PARAMETERS"));
        foreach (var (name, definition) in PhpValues.Entries(template.Parameters) ?? [])
            if (PhpValues.ToText(definition?["Required"]) == "1" && PhpValues.ToText(values[name]) == "" && !PhpValues.IsArray(values[name]))
                throw RestException.Bizproc($"The \"{name}\" field is required.");

        var now = PortalClock.Now;
        var workflow = new WorkflowRow
        {
            Id = bizproc.NewWorkflowId(),
            TemplateId = template.Id,
            ModuleId = module,
            Entity = entity,
            DocumentId = element,
            Started = now,
            Modified = now,
            StartedBy = context.Caller.UserId,
            Parameters = values,
        };
        bizproc.AddWorkflow(workflow);
        return new MethodResult(JsonValue.Create(workflow.Id));
    }

    public static MethodResult Terminate(MethodContext context)
    {
        var id = RequiredWorkflowId(context);
        var status = PhpValues.ToText(context.Params.Get("STATUS"));
        return context.Area<BizprocArea>().TryTerminate(id, status) ? Success : throw NotFound();
    }

    public static MethodResult Kill(MethodContext context)
    {
        var id = RequiredWorkflowId(context);
        return context.Area<BizprocArea>().TryKill(id) ? Success : throw NotFound();
    }

    private static MethodResult Success => new(JsonValue.Create(true));

    /// <summary>The portal answers an empty ID (PHP empty(): "", "0", missing) before looking anything up.</summary>
    private static string RequiredWorkflowId(MethodContext context)
    {
        context.RequireAdmin();
        var id = context.Params.Get("ID");
        if (!PhpValues.IsTruthy(id))
            throw new RestException(400, WrongWorkflowId, "Empty workflow instance ID");
        return PhpValues.ToText(id);
    }

    /// <summary>Our choice for an id that is not running (unknown, terminated or killed): the docs list none.</summary>
    private static RestException NotFound() => new(400, WrongWorkflowId, "Workflow not found");

    /// <summary>[module, entity, element]: exactly three non-empty strings (a PHP list or object alike).</summary>
    private static (string Module, string Entity, string Element)? DocumentParts(JsonNode? node)
    {
        var parts = PhpValues.Entries(node);
        if (parts is null || parts.Count != 3 || parts.Any(p => PhpValues.IsArray(p.Value) || PhpValues.ToText(p.Value).Length == 0))
            return null;
        return (PhpValues.ToText(parts[0].Value), PhpValues.ToText(parts[1].Value), PhpValues.ToText(parts[2].Value));
    }

    private static JsonObject ParameterValues(JsonNode? node)
    {
        var values = new JsonObject();
        foreach (var (key, value) in PhpValues.Entries(node) ?? [])
            values[key] = value?.DeepClone();
        return values;
    }
}
