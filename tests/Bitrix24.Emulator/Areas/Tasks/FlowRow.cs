using System.Text.Json.Nodes;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>A flow as tasks.flow.Flow.get prints it: numbers as numbers, flags as true/false, member lists as
/// [type, id] pairs of strings (the docs' example).</summary>
internal sealed class FlowRow
{
    public long Id { get; init; }
    public long CreatorId { get; init; }
    public long OwnerId { get; set; }
    public long GroupId { get; set; }
    public long TemplateId { get; set; }
    public bool Active { get; set; } = true;
    public long PlannedCompletionTime { get; set; }
    public DateTimeOffset Activity { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string DistributionType { get; set; } = "manually";
    public List<string[]> ResponsibleList { get; set; } = new();
    public bool ResponsibleCanChangeDeadline { get; set; }
    public bool MatchWorkTime { get; set; } = true;
    public bool TaskControl { get; set; }
    public bool NotifyAtHalfTime { get; set; }
    public long? NotifyOnQueueOverflow { get; set; }
    public long? NotifyOnTasksInProgressOverflow { get; set; } = 50;
    public long? NotifyWhenEfficiencyDecreases { get; set; }
    public List<string[]> TaskCreators { get; set; } = new() { new[] { "meta-user", "all-users" } };

    /// <summary>Users who pinned the flow in their list (pin is per user).</summary>
    public HashSet<long> PinnedBy { get; } = new();

    /// <summary>Queue distribution hands tasks round the team.</summary>
    public int QueuePosition { get; set; }

    /// <summary>User ids named in the responsible list (departments are not expanded: the emulator has no structure).</summary>
    public IEnumerable<long> ResponsibleUsers => ResponsibleList.Where(p => p[0] == "user").Select(p => long.Parse(p[1]));

    public bool CanSee(long userId)
        => userId == CreatorId || userId == OwnerId || ResponsibleUsers.Contains(userId)
           || TaskCreators.Any(p => (p[0] == "meta-user" && p[1] == "all-users") || (p[0] == "user" && p[1] == userId.ToString()));

    public bool CanManage(long userId) => userId == CreatorId || userId == OwnerId;

    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["creatorId"] = CreatorId,
        ["ownerId"] = OwnerId,
        ["groupId"] = GroupId,
        ["templateId"] = TemplateId,
        ["efficiency"] = 100,
        ["active"] = Active,
        ["plannedCompletionTime"] = PlannedCompletionTime,
        ["activity"] = Activity.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = Name,
        ["description"] = Description,
        ["distributionType"] = DistributionType,
        ["responsibleList"] = Pairs(ResponsibleList),
        ["demo"] = false,
        ["responsibleCanChangeDeadline"] = ResponsibleCanChangeDeadline,
        ["matchWorkTime"] = MatchWorkTime,
        ["taskControl"] = TaskControl,
        ["notifyAtHalfTime"] = NotifyAtHalfTime,
        ["notifyOnQueueOverflow"] = NotifyOnQueueOverflow,
        ["notifyOnTasksInProgressOverflow"] = NotifyOnTasksInProgressOverflow,
        ["notifyWhenEfficiencyDecreases"] = NotifyWhenEfficiencyDecreases,
        ["taskCreators"] = Pairs(TaskCreators),
        ["team"] = Pairs(DistributionType == "manually" ? new List<string[]>() : ResponsibleList),
        ["trialFeatureEnabled"] = false,
    };

    private static JsonArray Pairs(IEnumerable<string[]> pairs)
        => new(pairs.Select(p => (JsonNode?)new JsonArray(p.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray())).ToArray());
}
