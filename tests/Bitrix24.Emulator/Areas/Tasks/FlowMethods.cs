using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.Users;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>
/// tasks.flow.Flow.* (create, update, get, delete, isExists, activate, pin) with the errors their pages list:
/// code "0", HTTP 400 (pin: 200), "Flow not found", "A flow with this name already exists",
/// "'field': field's value has an invalid value", "Access denied or flow not found". Create: any user;
/// update, activate, delete: the flow's creator or administrator; get and pin: whoever can see the flow.
/// </summary>
internal static class FlowMethods
{
    private static readonly string[] DistributionTypes = { "manually", "queue", "himself" };

    public static MethodResult Create(MethodContext context)
    {
        var data = FlowData(context);
        var area = context.Area<TasksArea>();
        var name = PhpValues.ToText(Value(data, "name")).Trim();
        if (name.Length == 0)
            throw Invalid("name");
        if (area.Flows.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw Error("A flow with this name already exists");
        if (Value(data, "plannedCompletionTime") is null)
            throw Invalid("plannedCompletionTime");
        if (Value(data, "distributionType") is null)
            throw Invalid("distributionType");
        if (Value(data, "responsibleList") is null)
            throw Invalid("responsibleList");

        var flow = new FlowRow { Id = area.NextFlowId(), CreatorId = context.Caller.UserId, OwnerId = context.Caller.UserId, Name = name, Activity = PortalClock.Now };
        Apply(context, flow, data);
        if (flow.GroupId == 0)
            flow.GroupId = area.CreateGroup();
        area.AddFlow(flow);
        return new MethodResult(flow.Render());
    }

    public static MethodResult Update(MethodContext context)
    {
        var data = FlowData(context);
        var area = context.Area<TasksArea>();
        var flow = Managed(context, PhpValues.ToInt(Value(data, "id")));
        if (Value(data, "name") is { } nameNode)
        {
            var name = PhpValues.ToText(nameNode).Trim();
            if (name.Length == 0)
                throw Invalid("name");
            if (area.Flows.Any(f => f.Id != flow.Id && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw Error("A flow with this name already exists");
        }
        var copy = Clone(flow);
        Apply(context, copy, data);
        if (Value(data, "name") is { } n)
            copy.Name = PhpValues.ToText(n).Trim();
        area.ReplaceFlow(copy);
        return new MethodResult(copy.Render());
    }

    public static MethodResult Get(MethodContext context)
    {
        var flow = Visible(context, FlowId(context, "flowId"));
        return new MethodResult(flow.Render());
    }

    public static MethodResult Delete(MethodContext context)
    {
        var data = FlowData(context);
        var flow = Managed(context, PhpValues.ToInt(Value(data, "id")));
        context.Area<TasksArea>().RemoveFlow(flow.Id);
        return new MethodResult(new JsonObject { ["deleted"] = true });
    }

    public static MethodResult IsExists(MethodContext context)
    {
        var data = FlowData(context);
        var name = PhpValues.ToText(Value(data, "name")).Trim();
        var exclude = PhpValues.ToInt(Value(data, "id"));
        var exists = name.Length > 0 && context.Area<TasksArea>().Flows.Any(f => f.Id != exclude && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return new MethodResult(new JsonObject { ["exists"] = exists });
    }

    public static MethodResult Activate(MethodContext context)
    {
        var flow = Managed(context, FlowId(context, "flowId"));
        flow.Active = !flow.Active;
        flow.Activity = PortalClock.Now;
        return new MethodResult(JsonValue.Create(true));
    }

    /// <summary>Toggles the caller's pin; true = now pinned. Its errors come with HTTP 200, as the page shows.</summary>
    public static MethodResult Pin(MethodContext context)
    {
        var id = PhpValues.ToInt(context.Params.Get("flowId"));
        var flow = context.Area<TasksArea>().FindFlow(id);
        if (flow is null || !flow.CanSee(context.Caller.UserId))
            throw new RestException(200, "0", "Access denied or flow not found");
        var user = context.Caller.UserId;
        var pinned = flow.PinnedBy.Add(user) || !flow.PinnedBy.Remove(user);
        return new MethodResult(JsonValue.Create(pinned));
    }

    private static long FlowId(MethodContext context, string name)
    {
        var id = PhpValues.ToInt(context.Params.Get(name));
        return id > 0 ? id : throw Error("Flow not found");
    }

    private static FlowRow Visible(MethodContext context, long id)
    {
        var flow = context.Area<TasksArea>().FindFlow(id) ?? throw Error("Flow not found");
        return flow.CanSee(context.Caller.UserId) ? flow : throw Error("Access denied or flow not found");
    }

    private static FlowRow Managed(MethodContext context, long id)
    {
        if (id <= 0)
            throw Error("Flow not found");
        var flow = context.Area<TasksArea>().FindFlow(id) ?? throw Error("Flow not found");
        return flow.CanManage(context.Caller.UserId) ? flow : throw Error("Access denied or flow not found");
    }

    private static JsonObject FlowData(MethodContext context)
        => context.Params.Get("flowData") as JsonObject ?? throw Invalid("flowData");

    private static JsonNode? Value(JsonObject data, string name)
        => data.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Validates and copies every field present; the row is changed only field by field after its check.</summary>
    private static void Apply(MethodContext context, FlowRow flow, JsonObject data)
    {
        var users = context.Area<UsersArea>();
        if (Value(data, "description") is { } description)
            flow.Description = PhpValues.ToText(description);
        if (Value(data, "groupId") is { } group)
        {
            var id = PhpValues.ToInt(group);
            if (id < 0 || (id > 0 && !context.Area<TasksArea>().GroupExists(id)))
                throw Invalid("groupId");
            flow.GroupId = id;
        }
        if (Value(data, "ownerId") is { } owner)
        {
            var id = PhpValues.ToInt(owner);
            if (id != 0)
                flow.OwnerId = users.Find(id) is null ? throw Invalid("ownerId") : id;
        }
        if (Value(data, "templateId") is { } template)
            flow.TemplateId = NonNegative(template, "templateId");
        if (Value(data, "plannedCompletionTime") is { } planned)
        {
            var seconds = PhpValues.ToInt(planned);
            flow.PlannedCompletionTime = seconds > 0 ? seconds : throw Invalid("plannedCompletionTime");
        }
        if (Value(data, "distributionType") is { } distribution)
        {
            var type = PhpValues.ToText(distribution);
            flow.DistributionType = DistributionTypes.Contains(type, StringComparer.Ordinal) ? type : throw Invalid("distributionType");
        }
        if (Value(data, "responsibleList") is { } responsible)
        {
            var pairs = Members(responsible, "responsibleList", allowAll: false);
            if (pairs.Count == 0 || pairs.Any(p => p[0] == "user" && users.Find(long.Parse(p[1])) is null))
                throw Invalid("responsibleList");
            flow.ResponsibleList = pairs;
        }
        if (flow.DistributionType == "manually" && flow.ResponsibleList.Count(p => p[0] == "user") != 1)
            throw Invalid("responsibleList");
        if (Value(data, "taskCreators") is { } creators)
            flow.TaskCreators = Members(creators, "taskCreators", allowAll: true);
        if (Value(data, "matchWorkTime") is { } match)
            flow.MatchWorkTime = Flag(match, "matchWorkTime");
        if (Value(data, "responsibleCanChangeDeadline") is { } change)
            flow.ResponsibleCanChangeDeadline = Flag(change, "responsibleCanChangeDeadline");
        if (Value(data, "notifyAtHalfTime") is { } half)
            flow.NotifyAtHalfTime = Flag(half, "notifyAtHalfTime");
        if (Value(data, "taskControl") is { } control)
            flow.TaskControl = Flag(control, "taskControl");
        if (data.Any(p => string.Equals(p.Key, "notifyOnQueueOverflow", StringComparison.OrdinalIgnoreCase)))
            flow.NotifyOnQueueOverflow = Threshold(Value(data, "notifyOnQueueOverflow"), "notifyOnQueueOverflow");
        if (data.Any(p => string.Equals(p.Key, "notifyOnTasksInProgressOverflow", StringComparison.OrdinalIgnoreCase)))
            flow.NotifyOnTasksInProgressOverflow = Threshold(Value(data, "notifyOnTasksInProgressOverflow"), "notifyOnTasksInProgressOverflow");
        if (data.Any(p => string.Equals(p.Key, "notifyWhenEfficiencyDecreases", StringComparison.OrdinalIgnoreCase)))
            flow.NotifyWhenEfficiencyDecreases = Threshold(Value(data, "notifyWhenEfficiencyDecreases"), "notifyWhenEfficiencyDecreases");
        flow.Activity = PortalClock.Now;
    }

    /// <summary>[[type, id], …] with types user / department (id, or id:F) / meta-user all-users.</summary>
    private static List<string[]> Members(JsonNode node, string field, bool allowAll)
    {
        var pairs = new List<string[]>();
        foreach (var (key, value) in PhpValues.Entries(node) ?? throw Invalid(field))
        {
            string type, id;
            if (PhpValues.Entries(value) is { Count: 2 } pair && !PhpValues.IsArray(pair[0].Value))
                (type, id) = (PhpValues.ToText(pair[0].Value), PhpValues.ToText(pair[1].Value));
            else if (!PhpValues.TryIntegerKey(key, out _) && !PhpValues.IsArray(value))
                (type, id) = (key, PhpValues.ToText(value));
            else
                throw Invalid(field);
            var valid = type switch
            {
                "user" => long.TryParse(id, out var u) && u > 0,
                "department" => System.Text.RegularExpressions.Regex.IsMatch(id, "^[1-9][0-9]*(:F)?$"),
                "meta-user" => allowAll && id == "all-users",
                _ => false,
            };
            if (!valid)
                throw Invalid(field);
            pairs.Add(new[] { type, id });
        }
        return pairs;
    }

    private static bool Flag(JsonNode node, string field) => PhpValues.ToText(node) switch
    {
        "1" or "Y" => true,
        "0" or "N" or "" => false,
        _ => throw Invalid(field),
    };

    private static long? Threshold(JsonNode? node, string field)
    {
        if (node is null || PhpValues.ToText(node) == "")
            return null;
        return NonNegative(node, field);
    }

    private static long NonNegative(JsonNode node, string field)
    {
        var text = PhpValues.ToText(node);
        return long.TryParse(text, out var value) && value >= 0 ? value : throw Invalid(field);
    }

    private static FlowRow Clone(FlowRow flow)
    {
        var copy = new FlowRow
        {
            Id = flow.Id, CreatorId = flow.CreatorId, OwnerId = flow.OwnerId, GroupId = flow.GroupId, TemplateId = flow.TemplateId,
            Active = flow.Active, PlannedCompletionTime = flow.PlannedCompletionTime, Activity = flow.Activity, Name = flow.Name,
            Description = flow.Description, DistributionType = flow.DistributionType, ResponsibleList = flow.ResponsibleList,
            ResponsibleCanChangeDeadline = flow.ResponsibleCanChangeDeadline, MatchWorkTime = flow.MatchWorkTime,
            TaskControl = flow.TaskControl, NotifyAtHalfTime = flow.NotifyAtHalfTime, NotifyOnQueueOverflow = flow.NotifyOnQueueOverflow,
            NotifyOnTasksInProgressOverflow = flow.NotifyOnTasksInProgressOverflow, NotifyWhenEfficiencyDecreases = flow.NotifyWhenEfficiencyDecreases,
            TaskCreators = flow.TaskCreators, QueuePosition = flow.QueuePosition,
        };
        copy.PinnedBy.UnionWith(flow.PinnedBy);
        return copy;
    }

    private static RestException Error(string description) => new(400, "0", description);

    private static RestException Invalid(string field) => Error($"'{field}': field's value has an invalid value");
}
