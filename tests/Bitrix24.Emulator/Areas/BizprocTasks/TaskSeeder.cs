
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>
/// Templates with task steps and workflows that wait on them. A step is <c>{"type":"approve"|"review"|
/// "request"|"requestOptional"|"&lt;Activity&gt;", "title", "users":[1,2], "approveType":"all"|"any",
/// "commentRequired":"N"|"Y"|"YA"|"YR", "delegation":"everyone"|"subordinates"|"noOne", "fields":[{"id","type",
/// "name","required","multiple","options","default"}]}</c>; the template stores it as an activity of its tree,
/// as a .bpt would. Workflows of such a template are started with bizproc.workflow.start or seeded with
/// <c>{"workflows":N,"templateId":T}</c> (a separate seed request: areas seed in list order).
/// </summary>
internal static class TaskSeeder
{
    public sealed record StepSpec(string? Type, string? Title, long[]? Users, string? ApproveType, string? CommentRequired,
        string? Delegation, JsonArray? Fields, string? Description);

    public sealed record TemplateSpec(string? Name, string? Entity, StepSpec[]? Steps);

    public static JsonObject Seed(BizprocTasksArea area, SeedSection section)
    {
        var templates = section.Get<TemplateSpec?[]>("taskTemplates") ?? [];
        var approvals = section.Count("bizprocTasks");
        var subordinates = section.Get<Dictionary<string, long[]>>("subordinates") ?? new();
        var extranet = section.Get<long[]>("extranetUsers") ?? [];
        foreach (var template in templates)
            Validate(template);
        foreach (var manager in subordinates.Keys)
            if (!long.TryParse(manager, out _))
                throw new ArgumentException($"'subordinates' keys are user ids, not '{manager}'.");
        if (extranet.FirstOrDefault(id => area.Users.Find(id) is null) is var unknown and > 0)
            throw new ArgumentException($"'extranetUsers': no user {unknown}.");

        var templateIds = templates.Select(t => AddTemplate(area, t!.Name!, t.Entity!, t.Steps!)).ToList();
        var workflowIds = SeedApprovals(area, approvals, userId: 1);
        foreach (var (manager, users) in subordinates)
            foreach (var user in users)
                area.AddSubordinate(long.Parse(manager), user);
        foreach (var id in extranet)
            area.Users.Find(id)!.UserType = "extranet";
        return new JsonObject
        {
            ["taskTemplateIds"] = new JsonArray(templateIds.Select(id => (JsonNode?)id).ToArray()),
            ["taskWorkflowIds"] = new JsonArray(workflowIds.Select(id => (JsonNode?)id).ToArray()),
        };
    }

    /// <summary>N workflows of an approval template (created on first use) that each wait on one task of
    /// <paramref name="userId"/>: N running approval tasks.</summary>
    public static IReadOnlyList<string> SeedApprovals(BizprocTasksArea area, int count, long userId)
    {
        if (count == 0)
            return [];
        var name = userId == 1 ? "Invoice approval" : "Invoice approval for user " + userId;
        var template = area.Bizproc.Templates.FirstOrDefault(t => t.Name == name && StepsOf(t).Count > 0)?.Id
            ?? AddTemplate(area, name, "CCrmDocumentDeal",
                [new StepSpec("approve", "Approve the invoice", [userId], "all", "N", "everyone", null, "Please check the amount")]);
        return BizprocSeeder.SeedWorkflowsOf(area.Bizproc, template, count, null);
    }

    private static IReadOnlyList<TaskStep> StepsOf(TemplateRow template) => TaskStep.Of(template.Template);

    private static void Validate(TemplateSpec? template)
    {
        if (template is null || string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Entity))
            throw new ArgumentException("each of 'taskTemplates' needs a 'name' and an 'entity' (CCrmDocumentDeal…).");
        if (DocumentTypes.TypeOf(template.Entity) is null)
            throw new ArgumentException($"unknown entity '{template.Entity}'.");
        if (template.Steps is not { Length: > 0 } steps || steps.Any(s => s is null || string.IsNullOrWhiteSpace(s.Type) || s.Users is not { Length: > 0 }))
            throw new ArgumentException($"template '{template.Name}' needs 'steps', each with a 'type' and 'users'.");
        foreach (var step in steps)
        {
            if (Delegation(step.Delegation) is null)
                throw new ArgumentException($"'delegation' is everyone, subordinates or noOne, not '{step.Delegation}'.");
            if (step.CommentRequired is { } rule && rule is not ("N" or "Y" or "YA" or "YR"))
                throw new ArgumentException($"'commentRequired' is N, Y, YA or YR, not '{rule}'.");
        }
    }

    private static long AddTemplate(BizprocTasksArea area, string name, string entity, IReadOnlyList<StepSpec> steps)
    {
        var bizproc = area.Bizproc;
        var id = bizproc.Templates.Select(t => t.Id).DefaultIfEmpty(0).Max() + 1;
        var children = new JsonArray();
        for (var i = 0; i < steps.Count; i++)
            children.Add(Activity(steps[i], i));
        bizproc.AddTemplate(new TemplateRow
        {
            Id = id, Name = name, ModuleId = "crm", Entity = entity, DocumentType = DocumentTypes.TypeOf(entity)!,
            Modified = PortalClock.SeedEpoch.AddDays(-1), UserId = 1,
            Template = new JsonArray(new JsonObject
            {
                ["Type"] = "SequentialWorkflowActivity", ["Name"] = "Template",
                ["Properties"] = new JsonObject { ["Title"] = name }, ["Children"] = children,
            }),
        });
        return id;
    }

    private static JsonObject Activity(StepSpec step, int index)
    {
        var activity = step.Type switch
        {
            "approve" => TaskStep.ApproveActivity,
            "review" => TaskStep.ReviewActivity,
            "request" => TaskStep.RequestActivity,
            "requestOptional" => TaskStep.RequestOptionalActivity,
            _ => step.Type!,
        };
        var properties = new JsonObject
        {
            ["Title"] = step.Title ?? activity,
            ["Description"] = step.Description ?? "",
            ["Users"] = new JsonArray(step.Users!.Select(u => (JsonNode?)("user_" + u)).ToArray()),
            ["ApproveType"] = step.ApproveType ?? "all",
            ["CommentRequired"] = step.CommentRequired ?? "N",
            ["ShowComment"] = "Y",
            ["DelegationType"] = (int)Delegation(step.Delegation)!.Value,
        };
        if (step.Fields is { } fields)
            properties["RequestedInformation"] = new JsonArray(fields.Select(f => (JsonNode?)Field(f)).ToArray());
        return new JsonObject
        {
            ["Type"] = activity,
            ["Name"] = $"A{index + 1}_{10000 + index * 7919 % 90000}",
            ["Properties"] = properties,
        };
    }

    /// <summary>A field description as PARAMETERS.Fields prints it (the docs' shape, every key present).</summary>
    private static JsonObject Field(JsonNode? spec)
    {
        var source = spec as JsonObject ?? throw new ArgumentException("each of 'fields' is an object with an 'id'.");
        JsonNode? Get(string name) => source.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var id = Get("id")?.ToString() ?? throw new ArgumentException("each of 'fields' needs an 'id'.");
        return new JsonObject
        {
            ["Id"] = id,
            ["Type"] = Get("type")?.ToString() ?? "string",
            ["Name"] = Get("name")?.ToString() ?? id,
            ["Description"] = Get("description")?.ToString() ?? "",
            ["Multiple"] = Get("multiple")?.GetValue<bool>() ?? false,
            ["Required"] = Get("required")?.GetValue<bool>() ?? false,
            ["Options"] = Get("options")?.DeepClone(),
            ["Settings"] = null,
            ["Default"] = Get("default")?.DeepClone() ?? "",
        };
    }

    private static DelegationRule? Delegation(string? name) => (name ?? "everyone").ToLowerInvariant() switch
    {
        "everyone" => DelegationRule.Everyone,
        "subordinates" => DelegationRule.Subordinates,
        "noone" => DelegationRule.NoOne,
        _ => null,
    };
}
