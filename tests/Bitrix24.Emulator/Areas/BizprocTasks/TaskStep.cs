using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>The four task types bizproc.task.complete knows (the ACTIVITY values of bizproc.task.list), and
/// any other activity that makes a task REST cannot complete (ERROR_TASK_TYPE).</summary>
internal enum TaskKind { Approve, Review, Request, RequestOptional, Other }

/// <summary>Who a task may be delegated to (the task setting the delegate page names): subordinates, all
/// employees, or no one.</summary>
internal enum DelegationRule { Subordinates = 0, Everyone = 1, NoOne = 2 }

/// <summary>
/// One task-making step of a template: an activity in the template tree (TEMPLATE → Children) whose Type is
/// ApproveActivity, ReviewActivity, RequestInformationActivity or RequestInformationOptionalActivity and whose
/// Properties name the users (user_N), the comment rule, the labels, the delegation rule and, for requests,
/// the fields (RequestedInformation). Starting a workflow gives each named user a task of its first step.
/// </summary>
internal sealed class TaskStep
{
    public const string ApproveActivity = "ApproveActivity";
    public const string ReviewActivity = "ReviewActivity";
    public const string RequestActivity = "RequestInformationActivity";
    public const string RequestOptionalActivity = "RequestInformationOptionalActivity";

    private static readonly HashSet<string> NotTaskActivities = new(StringComparer.Ordinal)
    {
        "SequentialWorkflowActivity", "SetFieldActivity", "LogActivity", "DelayActivity",
    };

    public string Activity { get; init; } = ApproveActivity;
    public string Name { get; init; } = "";
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<long> Users { get; init; } = [];
    /// <summary>Approval: "all" must approve, or "any" one answer decides.</summary>
    public bool AnyDecides { get; init; }
    public JsonObject Properties { get; init; } = new();

    public TaskKind Kind => KindOf(Activity);

    public DelegationRule Delegation => (DelegationRule)Math.Clamp(PhpValues.ToInt(Properties["DelegationType"]), 0, 2);

    /// <summary>N, Y, YA (on approval) or YR (on rejection).</summary>
    public string CommentRequired => PhpValues.ToText(Properties["CommentRequired"]) is { Length: > 0 } rule ? rule : "N";

    public static TaskKind KindOf(string activity) => activity switch
    {
        ApproveActivity => TaskKind.Approve,
        ReviewActivity => TaskKind.Review,
        RequestActivity => TaskKind.Request,
        RequestOptionalActivity => TaskKind.RequestOptional,
        _ => TaskKind.Other,
    };

    /// <summary>STATUS values bizproc.task.complete accepts per type (its page): 1 yes, 2 no, 3 ok, 4 cancel.</summary>
    public static IReadOnlyCollection<int> AllowedStatuses(TaskKind kind) => kind switch
    {
        TaskKind.Approve => [1, 2],
        TaskKind.Review or TaskKind.Request => [3],
        TaskKind.RequestOptional => [3, 4],
        _ => [],
    };

    /// <summary>PARAMETERS as bizproc.task.list prints it: comment settings, the labels of the type, Fields for requests.</summary>
    public JsonObject Parameters()
    {
        var parameters = new JsonObject
        {
            ["CommentLabel"] = PhpValues.ToText(Properties["CommentLabel"]) is { Length: > 0 } label ? label : "Comment",
            ["CommentRequired"] = CommentRequired,
            ["ShowComment"] = PhpValues.ToText(Properties["ShowComment"]) is { Length: > 0 } show ? show : "Y",
        };
        switch (Kind)
        {
            case TaskKind.Approve:
                parameters["StatusYesLabel"] = Label("StatusYesLabel", "Approve");
                parameters["StatusNoLabel"] = Label("StatusNoLabel", "Reject");
                break;
            case TaskKind.Review:
                parameters["StatusOkLabel"] = Label("StatusOkLabel", "Acknowledged");
                break;
            case TaskKind.Request:
            case TaskKind.RequestOptional:
                parameters["StatusOkLabel"] = Label("StatusOkLabel", "Save");
                if (Kind == TaskKind.RequestOptional)
                    parameters["StatusCancelLabel"] = Label("StatusCancelLabel", "Reject");
                parameters["Fields"] = Properties["RequestedInformation"]?.DeepClone() ?? new JsonArray();
                break;
        }
        return parameters;
    }

    /// <summary>The field descriptions of a request ({Id, Type, Name, Required, Multiple, Options, Default…}).</summary>
    public IEnumerable<JsonObject> Fields => (Properties["RequestedInformation"] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>The task-making steps of a template tree, in order (nested sequences flattened).</summary>
    public static IReadOnlyList<TaskStep> Of(JsonNode? tree)
    {
        var steps = new List<TaskStep>();
        Collect(tree, steps);
        return steps;
    }

    private static void Collect(JsonNode? node, List<TaskStep> steps)
    {
        switch (node)
        {
            case JsonArray list:
                foreach (var item in list)
                    Collect(item, steps);
                break;
            case JsonObject activity:
                var type = PhpValues.ToText(activity["Type"]);
                if (type.Length > 0 && !NotTaskActivities.Contains(type) && activity["Properties"] is JsonObject properties
                    && properties["Users"] is not null)
                    steps.Add(FromActivity(type, activity, properties));
                Collect(activity["Children"], steps);
                break;
        }
    }

    private static TaskStep FromActivity(string type, JsonObject activity, JsonObject properties) => new()
    {
        Activity = type,
        Name = PhpValues.ToText(activity["Name"]),
        Title = PhpValues.ToText(properties["Title"]),
        Description = PhpValues.ToText(properties["Description"]),
        Users = (PhpValues.Entries(properties["Users"]) ?? [])
            .Select(u => PhpValues.ToText(u.Value))
            .Select(u => PhpValues.ToInt(u.StartsWith("user_", StringComparison.Ordinal) ? u[5..] : u))
            .Where(id => id > 0).Distinct().ToList(),
        AnyDecides = string.Equals(PhpValues.ToText(properties["ApproveType"]), "any", StringComparison.OrdinalIgnoreCase),
        Properties = properties,
    };

    private string Label(string name, string fallback) => PhpValues.ToText(Properties[name]) is { Length: > 0 } label ? label : fallback;
}
