using System.Text.Json.Nodes;

using Bitrix24.Emulator.Areas.Users;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>
/// Reproducible bizproc data: four templates, and on request more templates and running workflows. Everything
/// random comes from the portal's seeded Random; seeded dates are fixed in the past (<see cref="PortalClock.SeedEpoch"/>).
/// </summary>
internal static class BizprocSeeder
{
    private static readonly DateTimeOffset Epoch = PortalClock.SeedEpoch;

    /// <summary>Templates workflows are seeded over (template id, element id prefix).</summary>
    private static readonly (long TemplateId, string Prefix)[] SeedTargets = { (1, "LEAD"), (2, "DEAL"), (3, "CONTACT") };

    /// <summary>Templates 1–4: 1 leads (optional parameters Comment, Approver), 2 deals, 3 contacts, 4 deals with
    /// a required parameter Amount.</summary>
    public static IEnumerable<TemplateRow> BaseTemplates() =>
    [
        Template(1, "Lead approval", "CCrmDocumentLead", "LEAD", autoExecute: 0,
            Parameters(("Comment", "string", false, ""), ("Approver", "user", false, "user_1"))),
        Template(2, "Deal review", "CCrmDocumentDeal", "DEAL", autoExecute: 1, new JsonArray()),
        Template(3, "Contact check", "CCrmDocumentContact", "CONTACT", autoExecute: 2, new JsonArray(),
            isModified: true, systemCode: "rest_app_5"),
        Template(4, "Contract signing", "CCrmDocumentDeal", "DEAL", autoExecute: 0,
            Parameters(("Amount", "double", true, ""))),
    ];

    /// <summary>A new template (next free id) for a CRM entity; throws ArgumentException for an entity the
    /// emulator does not know.</summary>
    public static long SeedTemplate(BizprocArea bizproc, string name, string entity)
    {
        var documentType = DocumentTypes.TypeOf(entity)
            ?? throw new ArgumentException($"unknown entity '{entity}' (known: {string.Join(", ", DocumentTypes.SimpleEntities)})");
        var id = bizproc.Templates.Select(t => t.Id).DefaultIfEmpty(0).Max() + 1;
        bizproc.AddTemplate(Template(id, name, entity, documentType, autoExecute: 0, new JsonArray()));
        return id;
    }

    /// <summary>Running workflows of one template: on the given documents, or on <paramref name="count"/> new
    /// ones of its type. Throws ArgumentException for an unknown template or a document of another type.</summary>
    public static IReadOnlyList<string> SeedWorkflowsOf(BizprocArea bizproc, long templateId, int count, IReadOnlyList<string>? documentIds)
    {
        var template = bizproc.FindTemplate(templateId) ?? throw new ArgumentException($"no template {templateId}");
        var documents = documentIds?.ToList() ?? new List<string>();
        var next = bizproc.RunningWorkflows.Count(w => w.DocumentId.StartsWith(template.DocumentType + "_", StringComparison.Ordinal));
        while (documents.Count < count)
            documents.Add(template.DocumentType + "_" + ++next);
        foreach (var document in documents)
            if (DocumentTypes.Resolve(template.ModuleId, template.Entity, document) != template.DocumentType)
                throw new ArgumentException($"'{document}' is not a document of template {templateId} ({template.Entity})");

        var ids = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            var started = Epoch.AddMinutes(-bizproc.Portal.Random.Next(1, 60 * 24 * 90));
            var workflow = new WorkflowRow
            {
                Id = bizproc.NewWorkflowId(), TemplateId = template.Id, ModuleId = template.ModuleId, Entity = template.Entity,
                DocumentId = document, Started = started, StartedBy = 1, Modified = started,
            };
            bizproc.AddWorkflow(workflow);
            ids.Add(workflow.Id);
        }
        return ids;
    }

    public static IReadOnlyList<string> SeedWorkflows(BizprocArea bizproc, int count)
    {
        var random = bizproc.Portal.Random;
        var userIds = bizproc.Portal.Area<UsersArea>().All.Select(u => u.Id).Append(0).ToArray();
        var documentNumbers = SeedTargets.ToDictionary(t => t.Prefix, t => bizproc.RunningWorkflows.Count(w => w.DocumentId.StartsWith(t.Prefix + "_", StringComparison.Ordinal)));
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (templateId, prefix) = SeedTargets[random.Next(SeedTargets.Length)];
            var template = bizproc.FindTemplate(templateId)!;
            var started = Epoch.AddMinutes(-random.Next(1, 60 * 24 * 90)).AddSeconds(random.Next(60));
            var workflow = new WorkflowRow
            {
                Id = bizproc.NewWorkflowId(),
                TemplateId = template.Id,
                ModuleId = template.ModuleId,
                Entity = template.Entity,
                DocumentId = prefix + "_" + ++documentNumbers[prefix],
                Started = started,
                StartedBy = userIds[random.Next(userIds.Length)],
                Modified = started.AddMinutes(random.Next(0, 600)),
                // A few are stuck: locked long ago (the docs call a lock older than 5 minutes stuck).
                OwnedUntil = random.Next(25) == 0 ? started.AddMinutes(5) : null,
            };
            bizproc.AddWorkflow(workflow);
            ids.Add(workflow.Id);
        }
        return ids;
    }

    private static TemplateRow Template(long id, string name, string entity, string documentType, long autoExecute, JsonNode parameters,
        bool isModified = false, string? systemCode = null) => new()
    {
        Id = id, Name = name, ModuleId = "crm", Entity = entity, DocumentType = documentType, AutoExecute = autoExecute,
        Parameters = parameters, IsModified = isModified, SystemCode = systemCode, UserId = 1,
        Modified = Epoch.AddDays(-30 * id),
        Template = new JsonArray(new JsonObject
        {
            ["Type"] = "SequentialWorkflowActivity",
            ["Name"] = "Template",
            ["Properties"] = new JsonObject { ["Title"] = name },
            ["Children"] = new JsonArray(),
        }),
    };

    /// <summary>Template parameters as the portal stores them: name → {Name, Description, Type, Required, Multiple, Default}.</summary>
    private static JsonObject Parameters(params (string Name, string Type, bool Required, string Default)[] parameters)
    {
        var result = new JsonObject();
        foreach (var p in parameters)
            result[p.Name] = new JsonObject
            {
                ["Name"] = p.Name, ["Description"] = "", ["Type"] = p.Type,
                ["Required"] = p.Required ? "1" : "0", ["Multiple"] = "0", ["Default"] = p.Default,
            };
        return result;
    }
}
