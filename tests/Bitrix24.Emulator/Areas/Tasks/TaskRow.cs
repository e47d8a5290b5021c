using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>A task as tasks.task.get / list print it: ids, numbers and flags as strings (Y/N), dates ISO 8601
/// with the portal offset, lists as arrays of strings (the docs' examples).</summary>
internal sealed class TaskRow
{
    public long Id { get; init; }
    public long? ParentId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int Priority { get; set; } = 1;
    public int Status { get; set; } = 2;
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedDate { get; set; }
    public long ResponsibleId { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? StartDatePlan { get; set; }
    public DateTimeOffset? EndDatePlan { get; set; }
    public string Guid { get; set; } = "";
    public string? XmlId { get; set; }
    public long GroupId { get; set; }
    public long? FlowId { get; set; }
    public bool AllowChangeDeadline { get; set; }
    public bool TaskControl { get; set; }
    public bool MatchWorkTime { get; set; }
    public IReadOnlyList<long> Auditors { get; set; } = Array.Empty<long>();
    public IReadOnlyList<long> Accomplices { get; set; } = Array.Empty<long>();
    public IReadOnlyList<TaskTag> Tags { get; set; } = Array.Empty<TaskTag>();
    public IReadOnlyList<string> CrmBindings { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> DiskFiles { get; set; } = Array.Empty<string>();
    public JsonArray SeParameters { get; set; } = new();

    /// <summary>Custom UF_* fields by their upper-case name.</summary>
    public Dictionary<string, JsonNode?> Custom { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What tasks.task.list filters and orders by (names as the docs write them).</summary>
    public static readonly Schema<TaskRow> Schema = new(
        new("ID", FieldKind.Integer, t => t.Id),
        new("PARENT_ID", FieldKind.Integer, t => t.ParentId),
        new("TITLE", FieldKind.Text, t => t.Title),
        new("PRIORITY", FieldKind.Integer, t => (long)t.Priority),
        new("REAL_STATUS", FieldKind.Integer, t => (long)t.Status),
        new("STATUS", FieldKind.Integer, t => (long)t.Status),
        new("CREATED_BY", FieldKind.Integer, t => t.CreatedBy),
        new("RESPONSIBLE_ID", FieldKind.Integer, t => t.ResponsibleId),
        new("GROUP_ID", FieldKind.Integer, t => t.GroupId),
        new("FLOW_ID", FieldKind.Integer, t => t.FlowId),
        new("CREATED_DATE", FieldKind.Date, t => t.CreatedDate),
        new("DEADLINE", FieldKind.Date, t => t.Deadline),
        new("START_DATE_PLAN", FieldKind.Date, t => t.StartDatePlan),
        new("END_DATE_PLAN", FieldKind.Date, t => t.EndDatePlan),
        new("CHANGED_DATE", FieldKind.Date, t => t.CreatedDate),
        new("ACTIVITY_DATE", FieldKind.Date, t => t.CreatedDate),
        new("AUDITOR", FieldKind.IntegerList, t => t.Auditors),
        new("ACCOMPLICE", FieldKind.IntegerList, t => t.Accomplices),
        new("XML_ID", FieldKind.Text, t => t.XmlId),
        new("TAG", FieldKind.Text, t => t.Tags.FirstOrDefault()?.Title));

    /// <summary>Fields every answer has (the default select), by output name with the UPPER name that selects it.</summary>
    public IEnumerable<(string Upper, string Name, JsonNode? Value)> Standard(Func<long, JsonObject> user)
    {
        yield return ("ID", "id", Text(Id));
        yield return ("PARENT_ID", "parentId", ParentId is { } p ? Text(p) : null);
        yield return ("TITLE", "title", Title);
        yield return ("DESCRIPTION", "description", Description);
        yield return ("MARK", "mark", null);
        yield return ("PRIORITY", "priority", Text(Priority));
        yield return ("MULTITASK", "multitask", "N");
        yield return ("NOT_VIEWED", "notViewed", "N");
        yield return ("REPLICATE", "replicate", "N");
        yield return ("STAGE_ID", "stageId", "0");
        yield return ("CREATED_BY", "createdBy", Text(CreatedBy));
        yield return ("CREATED_DATE", "createdDate", Date(CreatedDate));
        yield return ("RESPONSIBLE_ID", "responsibleId", Text(ResponsibleId));
        yield return ("CHANGED_BY", "changedBy", Text(CreatedBy));
        yield return ("CHANGED_DATE", "changedDate", Date(CreatedDate));
        yield return ("STATUS_CHANGED_BY", "statusChangedBy", null);
        yield return ("CLOSED_BY", "closedBy", null);
        yield return ("CLOSED_DATE", "closedDate", null);
        yield return ("ACTIVITY_DATE", "activityDate", Date(CreatedDate));
        yield return ("DATE_START", "dateStart", null);
        yield return ("DEADLINE", "deadline", Date(Deadline));
        yield return ("START_DATE_PLAN", "startDatePlan", Date(StartDatePlan));
        yield return ("END_DATE_PLAN", "endDatePlan", Date(EndDatePlan));
        yield return ("GUID", "guid", Guid);
        yield return ("XML_ID", "xmlId", XmlId);
        yield return ("ALLOW_CHANGE_DEADLINE", "allowChangeDeadline", YesNo(AllowChangeDeadline));
        yield return ("TASK_CONTROL", "taskControl", YesNo(TaskControl));
        yield return ("MATCH_WORK_TIME", "matchWorkTime", YesNo(MatchWorkTime));
        yield return ("SITE_ID", "siteId", "s1");
        yield return ("SUBORDINATE", "subordinate", YesNo(ParentId is not null));
        yield return ("IS_MUTED", "isMuted", "N");
        yield return ("IS_PINNED", "isPinned", "N");
        yield return ("IS_PINNED_IN_GROUP", "isPinnedInGroup", "N");
        yield return ("FLOW_ID", "flowId", FlowId is { } f ? Text(f) : null);
        yield return ("DESCRIPTION_IN_BBCODE", "descriptionInBbcode", "Y");
        yield return ("STATUS", "status", Text(Status));
        yield return ("STATUS_CHANGED_DATE", "statusChangedDate", Date(CreatedDate));
        yield return ("DURATION_TYPE", "durationType", "days");
        yield return ("FAVORITE", "favorite", "N");
        yield return ("GROUP_ID", "groupId", Text(GroupId));
        yield return ("AUDITORS", "auditors", Ids(Auditors));
        yield return ("ACCOMPLICES", "accomplices", Ids(Accomplices));
        yield return ("TAGS", "tags", TagsNode());
        yield return ("CREATED_BY", "creator", user(CreatedBy));
        yield return ("RESPONSIBLE_ID", "responsible", user(ResponsibleId));
        yield return ("SE_PARAMETER", "seParameter", SeParameters.DeepClone());
    }

    /// <summary>UF_CRM_TASK, UF_TASK_WEBDAV_FILES and UF_MAIL_MESSAGE come together when one is selected.</summary>
    public IEnumerable<(string Name, JsonNode? Value)> SystemUserFields()
    {
        yield return ("ufCrmTask", new JsonArray(CrmBindings.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()));
        yield return ("ufTaskWebdavFiles", new JsonArray(DiskFiles.Select(f => (JsonNode?)JsonValue.Create(long.Parse(f.TrimStart('n')))).ToArray()));
        yield return ("ufMailMessage", null);
    }

    /// <summary>UF_PROJECT_CODE → ufProjectCode, as the portal prints user fields.</summary>
    public static string CamelCase(string upper)
    {
        var parts = upper.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>As the list page shows: an object keyed by tag id, {"35": {"id": 35, "title": "arpar"}}; PHP's [] when empty.</summary>
    private JsonNode TagsNode()
    {
        if (Tags.Count == 0)
            return new JsonArray();
        var tags = new JsonObject();
        foreach (var tag in Tags)
            tags[tag.Id.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["id"] = tag.Id, ["title"] = tag.Title };
        return tags;
    }

    private static JsonNode Text(long value) => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static JsonNode YesNo(bool value) => JsonValue.Create(value ? "Y" : "N");

    private static JsonNode? Date(DateTimeOffset? value) => value is { } v ? JsonValue.Create(PortalClock.Format(v)) : null;

    private static JsonArray Ids(IEnumerable<long> ids) => new(ids.Select(i => (JsonNode?)Text(i)).ToArray());
}
