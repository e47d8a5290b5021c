using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.Users;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>
/// tasks.task.add / get / list with the errors their pages list: ERROR_CORE (HTTP 400) for title, responsible,
/// parent, plan dates, status and a required custom field (when the portal is configured with one); 100 for a
/// missing fields or taskId; a task the caller cannot see is <c>"result":[]</c>. A task in a flow needs only
/// a title: the flow names the assignee and the group.
/// </summary>
internal static class TaskMethods
{
    private static readonly HashSet<string> SystemUserFields = new(StringComparer.OrdinalIgnoreCase) { "UF_CRM_TASK", "UF_TASK_WEBDAV_FILES", "UF_MAIL_MESSAGE" };

    public static MethodResult Add(MethodContext context)
    {
        var fields = context.Params.Get("fields") as JsonObject;
        if (fields is null || fields.Count == 0)
            throw new RestException(400, "100", "Could not find value for parameter {fields} (internal error)");
        var area = context.Area<TasksArea>();
        var users = context.Area<UsersArea>();
        JsonNode? Field(string name) => fields.LastOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        var title = PhpValues.ToText(Field("TITLE")).Trim();
        if (title.Length == 0)
            throw Core("Task title is not specified");

        FlowRow? flow = null;
        if (PhpValues.ToInt(Field("FLOW_ID")) is var flowId and > 0)
            flow = area.FindFlow(flowId) is { Active: true } f ? f : throw Core("Flow not found");

        long responsible = PhpValues.ToInt(Field("RESPONSIBLE_ID"));
        if (responsible == 0 && flow is not null)
            responsible = area.AssigneeOf(flow, context.Caller.UserId);
        if (responsible == 0)
            throw Core("Responsible person not specified");
        if (users.Find(responsible) is null)
            throw Core("User specified in the \"Responsible\" field not found");

        var createdBy = PhpValues.ToInt(Field("CREATED_BY")) is var c and > 0 ? c : context.Caller.UserId;
        if (users.Find(createdBy) is null)
            throw Core("User specified in the \"Created by\" field not found");

        long? parent = PhpValues.ToInt(Field("PARENT_ID")) is var p and > 0 ? p : null;
        if (parent is { } parentId && area.FindTask(parentId) is null)
            throw Core("Task specified in the \"Parent Task\" field not found");

        var status = Field("STATUS") is { } s ? PhpValues.ToInt(s) : 2;
        if (status is < 2 or > 6)
            throw Core("Incorrect status");

        var start = Date(Field("START_DATE_PLAN"));
        var end = Date(Field("END_DATE_PLAN"));
        if (start is { } st && end is { } en && en < st)
            throw Core("The end date in scheduling is earlier than the start date");
        if (end is { } e && e > PortalClock.Now.AddYears(50))
            throw Core("The specified task duration is too long");

        if (area.RequiredField is { } required && IsEmpty(Field(required)))
            throw Core($"Required field \"{required}\" value not entered");

        var priority = Field("PRIORITY") is { } pr ? (int)PhpValues.ToInt(pr) : 1;
        var now = PortalClock.Now;
        var task = new TaskRow
        {
            Id = area.NextTaskId(),
            Title = title,
            Description = PhpValues.ToText(Field("DESCRIPTION")),
            Priority = priority is >= 0 and <= 2 ? priority : 1,
            Status = (int)status,
            CreatedBy = createdBy,
            CreatedDate = now,
            ResponsibleId = responsible,
            ParentId = parent,
            Deadline = Date(Field("DEADLINE")),
            StartDatePlan = start,
            EndDatePlan = end,
            Guid = "{" + new Guid(context.Portal.Random.NextBytes16()).ToString() + "}",
            XmlId = Field("XML_ID") is { } x && PhpValues.ToText(x) is { Length: > 0 } xml ? xml : null,
            GroupId = PhpValues.ToInt(Field("GROUP_ID")) is var g and > 0 ? g : flow?.GroupId ?? 0,
            FlowId = flow?.Id,
            AllowChangeDeadline = PhpValues.ToText(Field("ALLOW_CHANGE_DEADLINE")) == "Y",
            TaskControl = PhpValues.ToText(Field("TASK_CONTROL")) == "Y",
            MatchWorkTime = PhpValues.ToText(Field("MATCH_WORK_TIME")) == "Y",
            Auditors = IdList(Field("AUDITORS")),
            Accomplices = IdList(Field("ACCOMPLICES")),
            Tags = TextList(Field("TAGS")).Distinct(StringComparer.OrdinalIgnoreCase).Select(area.Tag).ToList(),
            CrmBindings = TextList(Field("UF_CRM_TASK")),
            DiskFiles = TextList(Field("UF_TASK_WEBDAV_FILES")),
            SeParameters = Field("SE_PARAMETER") is { } se ? new JsonArray((PhpValues.Entries(se) ?? []).Select(v => v.Value?.DeepClone()).ToArray()) : new JsonArray(),
        };
        foreach (var (key, value) in fields)
            if (key.StartsWith("UF_", StringComparison.OrdinalIgnoreCase) && !SystemUserFields.Contains(key))
                task.Custom[key.ToUpperInvariant()] = value?.DeepClone();
        area.AddTask(task);
        return new MethodResult(new JsonObject { ["task"] = Render(context, task, select: null) });
    }

    public static MethodResult Get(MethodContext context)
    {
        var id = context.Params.Get("taskId");
        if (id is null)
            throw new RestException(400, "100", "CTaskItem All parameters in the constructor must have real class type (internal error)");
        var text = PhpValues.ToText(id);
        if (!long.TryParse(text, out var taskId) || taskId <= 0)
            throw new RestException(400, "0", "wrong task id");
        var select = Select(context.Params, "select");
        var task = context.Area<TasksArea>().FindTask(taskId);
        if (task is null || !CanSee(context, task))
            return new MethodResult(new JsonArray());
        return new MethodResult(new JsonObject { ["task"] = Render(context, task, select) });
    }

    public static MethodResult List(MethodContext context)
    {
        var parameters = context.Params;
        var select = Select(parameters, "select");
        var filter = new ListFilter<TaskRow>(TaskRow.Schema, PhpValues.Entries(parameters.Get("filter")) ?? [], allowed: null, rejectOthers: false);
        foreach (var (key, _) in PhpValues.Entries(parameters.Get("order")) ?? [])
            if (TaskRow.Schema.Find(key) is null && !PhpValues.TryIntegerKey(key, out _))
                throw new RestException(400, "0", "Invalid sorting key (internal error)");
        var order = ListOrder<TaskRow>.Parse(TaskRow.Schema, parameters.Get("order"), ("ID", true));
        var visible = context.Area<TasksArea>().Tasks.Where(t => CanSee(context, t));
        var scope = context.Caller.IsAdmin ? "admin" : "user " + context.Caller.UserId;
        var page = ListPage.Build(context, visible, filter, order, t => t.Id, t => Render(context, t, select), scope);
        return page with { Result = new JsonObject { ["tasks"] = page.Result } };
    }

    /// <summary>Administrators see every task; others the tasks they created, are responsible for, watch or help with.</summary>
    private static bool CanSee(MethodContext context, TaskRow task)
    {
        var user = context.Caller.UserId;
        return context.Caller.IsAdmin || task.CreatedBy == user || task.ResponsibleId == user || task.Auditors.Contains(user) || task.Accomplices.Contains(user);
    }

    /// <summary>Null = the default (every stored field except custom ones); "*" = all of them plus UF_*.</summary>
    private static HashSet<string>? Select(RestParams parameters, string name)
    {
        var node = parameters.Get(name);
        if (node is null)
            return null;
        if (!PhpValues.IsArray(node) || PhpValues.Entries(node)!.Count == 0)
            throw new RestException(400, "100", "Invalid value {} to match with parameter {select}. Should be value of type array. (internal error)");
        return PhpValues.Entries(node)!.Select(e => PhpValues.ToText(e.Value).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    private static JsonObject Render(MethodContext context, TaskRow task, HashSet<string>? select)
    {
        var users = context.Area<UsersArea>();
        JsonObject User(long id)
        {
            var row = users.Find(id);
            return new JsonObject
            {
                ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["name"] = row is null ? "" : (row.Name + " " + row.LastName).Trim(),
                ["link"] = $"/company/personal/user/{id}/",
                ["icon"] = "/bitrix/images/tasks/default_avatar.png",
                ["workPosition"] = row?.WorkPosition ?? "",
            };
        }
        var all = select is null || select.Contains("*");
        var result = new JsonObject();
        foreach (var (upper, name, value) in task.Standard(User))
            if (all || select!.Contains(upper) || upper == "ID")
                result[name] = value?.DeepClone();
        if (select is not null && (select.Overlaps(SystemUserFields) || select.Contains("UF_*")))
            foreach (var (name, value) in task.SystemUserFields())
                result[name] = value;
        if (select is not null)
            foreach (var (upper, value) in task.Custom)
                if (select.Contains(upper) || select.Contains("UF_*"))
                    result[TaskRow.CamelCase(upper)] = value?.DeepClone();
        if (select is not null)
            foreach (var upper in select.Where(s => s.StartsWith("UF_", StringComparison.Ordinal) && s != "UF_*" && !SystemUserFields.Contains(s) && !task.Custom.ContainsKey(s)))
                result[TaskRow.CamelCase(upper)] = null;
        return result;
    }

    private static DateTimeOffset? Date(JsonNode? node)
        => PhpValues.ToText(node) is { Length: > 0 } text && PortalClock.TryParse(text, out var value) ? PortalClock.ToPortal(value) : null;

    private static IReadOnlyList<long> IdList(JsonNode? node)
        => node is null ? Array.Empty<long>() : (PhpValues.Entries(node) ?? [new("0", node)]).Select(e => PhpValues.ToInt(e.Value)).Where(i => i > 0).Distinct().ToList();

    private static IReadOnlyList<string> TextList(JsonNode? node)
        => node is null ? Array.Empty<string>() : (PhpValues.Entries(node) ?? [new("0", node)]).Select(e => PhpValues.ToText(e.Value).Trim()).Where(t => t.Length > 0).ToList();

    private static bool IsEmpty(JsonNode? node) => node is null || (PhpValues.IsArray(node) ? PhpValues.Entries(node)!.Count == 0 : PhpValues.ToText(node).Trim().Length == 0);

    /// <summary>The task errors come as one text with a trailing &lt;br&gt;, as the page's example shows.</summary>
    private static RestException Core(string description) => new(400, "ERROR_CORE", description + "<br>");
}
