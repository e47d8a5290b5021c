using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// Reproducible portal data: two users with webhooks, four templates, and on request more users and running
/// workflows. Everything random comes from the portal's seeded Random; seeded dates are fixed in the past
/// so that runs with the same seed give the same rows.
/// </summary>
internal static class PortalSeeder
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 9, 0, 0, PortalClock.Offset);

    private static readonly string[] FirstNames = { "Olga", "Ivan", "Maria", "Peter", "Anna", "Sergey", "Elena", "Dmitry", "Nina", "Pavel", "Irina", "Oleg" };
    private static readonly string[] LastNames = { "Smith", "Petrova", "Novak", "Kowalski", "Ivanov", "Schmidt", "Garcia", "Rossi", "Jensen", "Dubois" };
    private static readonly string[] Positions = { "Sales manager", "Accountant", "Developer", "Support", "Lawyer", "" };
    private static readonly string[] Cities = { "Berlin", "Warsaw", "Riga", "Prague", "Lisbon", "" };

    /// <summary>Templates workflows are seeded over (template id, element id prefix).</summary>
    private static readonly (long TemplateId, string Prefix)[] SeedTargets = { (1, "LEAD"), (2, "DEAL"), (3, "CONTACT") };

    public static void SeedBase(PortalState portal)
    {
        portal.AddUser(new UserRow
        {
            Id = 1, Name = "Alex", LastName = "Admin", Email = "admin@example.com", WorkPosition = "Administrator",
            IsAdmin = true, IsOnline = true, DateRegister = Epoch.AddYears(-2), LastLogin = Epoch.AddDays(-1),
        });
        portal.AddUser(new UserRow
        {
            Id = 2, Name = "Bella", LastName = "Employee", Email = "employee@example.com", WorkPosition = "Sales manager",
            DateRegister = Epoch.AddYears(-1), LastLogin = Epoch.AddDays(-3), PersonalGender = "F", PersonalCity = "Riga",
        });

        portal.AddTemplate(Template(1, "Lead approval", "CCrmDocumentLead", "LEAD", autoExecute: 0,
            Parameters(("Comment", "string", false, ""), ("Approver", "user", false, "user_1"))));
        portal.AddTemplate(Template(2, "Deal review", "CCrmDocumentDeal", "DEAL", autoExecute: 1, new JsonArray()));
        portal.AddTemplate(Template(3, "Contact check", "CCrmDocumentContact", "CONTACT", autoExecute: 2, new JsonArray(),
            isModified: true, systemCode: "rest_app_5"));
        portal.AddTemplate(Template(4, "Contract signing", "CCrmDocumentDeal", "DEAL", autoExecute: 0,
            Parameters(("Amount", "double", true, ""))));
    }

    public static void SeedUsers(PortalState portal, int count)
    {
        var random = portal.Random;
        for (var i = 0; i < count; i++)
        {
            var id = portal.NextUserId();
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            portal.AddUser(new UserRow
            {
                Id = id, Name = first, LastName = last, Email = $"{first}.{last}{id}@example.com".ToLowerInvariant(),
                Active = id % 10 != 0, IsOnline = random.Next(3) == 0, WorkPosition = Positions[random.Next(Positions.Length)],
                PersonalCity = Cities[random.Next(Cities.Length)], DateRegister = Epoch.AddDays(-random.Next(30, 900)),
                LastLogin = random.Next(5) == 0 ? null : Epoch.AddMinutes(-random.Next(1, 60 * 24 * 30)),
                Departments = random.Next(4) == 0 ? new long[] { 1, 3 } : new long[] { 1 + random.Next(2) },
            });
        }
    }

    /// <summary>A new template (next free id) for a CRM entity; throws ArgumentException for an entity the
    /// emulator does not know.</summary>
    public static long SeedTemplate(PortalState portal, string name, string entity)
    {
        var documentType = DocumentTypes.TypeOf(entity)
            ?? throw new ArgumentException($"unknown entity '{entity}' (known: {string.Join(", ", DocumentTypes.SimpleEntities)})");
        var id = portal.Templates.Select(t => t.Id).DefaultIfEmpty(0).Max() + 1;
        portal.AddTemplate(Template(id, name, entity, documentType, autoExecute: 0, new JsonArray()));
        return id;
    }

    /// <summary>Running workflows of one template: on the given documents, or on <paramref name="count"/> new
    /// ones of its type. Throws ArgumentException for an unknown template or a document of another type.</summary>
    public static IReadOnlyList<string> SeedWorkflowsOf(PortalState portal, long templateId, int count, IReadOnlyList<string>? documentIds)
    {
        var template = portal.FindTemplate(templateId) ?? throw new ArgumentException($"no template {templateId}");
        var documents = documentIds?.ToList() ?? new List<string>();
        var next = portal.RunningWorkflows.Count(w => w.DocumentId.StartsWith(template.DocumentType + "_", StringComparison.Ordinal));
        while (documents.Count < count)
            documents.Add(template.DocumentType + "_" + ++next);
        foreach (var document in documents)
            if (DocumentTypes.Resolve(template.ModuleId, template.Entity, document) != template.DocumentType)
                throw new ArgumentException($"'{document}' is not a document of template {templateId} ({template.Entity})");

        var ids = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            var started = Epoch.AddMinutes(-portal.Random.Next(1, 60 * 24 * 90));
            var workflow = new WorkflowRow
            {
                Id = portal.NewWorkflowId(), TemplateId = template.Id, ModuleId = template.ModuleId, Entity = template.Entity,
                DocumentId = document, Started = started, StartedBy = 1, Modified = started,
            };
            portal.AddWorkflow(workflow);
            ids.Add(workflow.Id);
        }
        return ids;
    }

    public static IReadOnlyList<string> SeedWorkflows(PortalState portal, int count)
    {
        var random = portal.Random;
        var userIds = portal.Users.Select(u => u.Id).Append(0).ToArray();
        var documentNumbers = SeedTargets.ToDictionary(t => t.Prefix, t => portal.RunningWorkflows.Count(w => w.DocumentId.StartsWith(t.Prefix + "_", StringComparison.Ordinal)));
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (templateId, prefix) = SeedTargets[random.Next(SeedTargets.Length)];
            var template = portal.FindTemplate(templateId)!;
            var started = Epoch.AddMinutes(-random.Next(1, 60 * 24 * 90)).AddSeconds(random.Next(60));
            var workflow = new WorkflowRow
            {
                Id = portal.NewWorkflowId(),
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
            portal.AddWorkflow(workflow);
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
