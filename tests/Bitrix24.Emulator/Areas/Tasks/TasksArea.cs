using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>
/// Flows and tasks: tasks.flow.Flow.* and tasks.task.add/get/list. Base rows: workgroups 1–3, no flows, no
/// tasks. A flow created without groupId gets a new group. Seeds from <c>--seed-flows N</c>,
/// <c>--seed-tasks N</c>, <c>--required-task-field UF_…</c> and from <c>{"flows":N, "tasks":N,
/// "requiredTaskField":"UF_…"}</c>, answering <c>{"flowIds":[…],"taskIds":[…]}</c>.
/// </summary>
internal sealed class TasksArea : PortalArea
{
    private readonly Dictionary<long, FlowRow> _flows = new();
    private readonly Dictionary<long, TaskRow> _tasks = new();
    private readonly HashSet<long> _groups = new();
    private readonly Dictionary<string, TaskTag> _tags = new(StringComparer.OrdinalIgnoreCase);
    private long _lastFlowId;
    private long _lastTaskId;

    public TasksArea(PortalState portal)
        : base(portal)
    {
    }

    public override IReadOnlyCollection<string> SeedKeys => ["flows", "tasks", "requiredTaskField"];

    /// <summary>A custom field every new task must carry (the docs' "Required field … value not entered"), or null.</summary>
    public string? RequiredField { get; set; }

    public override void Register(MethodRegistry methods)
    {
        methods.Write("tasks.flow.Flow.create", FlowMethods.Create);
        methods.Write("tasks.flow.Flow.update", FlowMethods.Update);
        methods.Read("tasks.flow.Flow.get", FlowMethods.Get);
        methods.Write("tasks.flow.Flow.delete", FlowMethods.Delete);
        methods.Read("tasks.flow.Flow.isExists", FlowMethods.IsExists);
        methods.Write("tasks.flow.Flow.activate", FlowMethods.Activate);
        methods.Write("tasks.flow.Flow.pin", FlowMethods.Pin);
        methods.Write("tasks.task.add", TaskMethods.Add);
        methods.Read("tasks.task.get", TaskMethods.Get);
        methods.Read("tasks.task.list", TaskMethods.List);
    }

    public IEnumerable<FlowRow> Flows => _flows.Values;
    public IEnumerable<TaskRow> Tasks => _tasks.Values;

    public FlowRow? FindFlow(long id) => _flows.GetValueOrDefault(id);
    public TaskRow? FindTask(long id) => _tasks.GetValueOrDefault(id);
    public bool GroupExists(long id) => _groups.Contains(id);

    public long NextFlowId() => ++_lastFlowId;
    public long NextTaskId() => ++_lastTaskId;

    /// <summary>The portal's tag of this title (tags are rows of their own, shared by the tasks that carry them).</summary>
    public TaskTag Tag(string title)
    {
        if (!_tags.TryGetValue(title, out var tag))
            _tags[title] = tag = new TaskTag(_tags.Count + 1, title);
        return tag;
    }

    public long CreateGroup()
    {
        var id = _groups.Max() + 1;
        _groups.Add(id);
        return id;
    }

    public void AddFlow(FlowRow flow) => _flows[flow.Id] = flow;
    public void ReplaceFlow(FlowRow flow) => _flows[flow.Id] = flow;
    public void RemoveFlow(long id) => _flows.Remove(id);
    public void AddTask(TaskRow task) => _tasks[task.Id] = task;

    /// <summary>Who a flow gives a new task to: the moderator (manual), the next team member (queue), the creator (self-assignment).</summary>
    public long AssigneeOf(FlowRow flow, long creator)
    {
        var team = flow.ResponsibleUsers.ToList();
        switch (flow.DistributionType)
        {
            case "queue" when team.Count > 0:
                return team[flow.QueuePosition++ % team.Count];
            case "himself":
                return creator;
            default:
                return team.FirstOrDefault(flow.OwnerId);
        }
    }

    public override void Clear()
    {
        _flows.Clear();
        _tasks.Clear();
        _groups.Clear();
        _tags.Clear();
        _groups.UnionWith([1, 2, 3]);
        _lastFlowId = 0;
        _lastTaskId = 0;
        RequiredField = null;
    }

    public override void SeedFromOptions(EmulatorOptions options)
    {
        RequiredField = string.IsNullOrWhiteSpace(options.RequiredTaskField) ? null : options.RequiredTaskField.ToUpperInvariant();
        TasksSeeder.SeedFlows(this, options.SeedFlows);
        TasksSeeder.SeedTasks(this, options.SeedTasks);
    }

    public override JsonObject Seed(SeedSection section)
    {
        var flows = section.Count("flows");
        var tasks = section.Count("tasks");
        var required = section.Get<string>("requiredTaskField");
        if (required is not null && required.Length > 0 && !required.StartsWith("UF_", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("'requiredTaskField' must name a custom field (UF_…), or be empty to drop it.");
        if (section.Has("requiredTaskField"))
            RequiredField = string.IsNullOrEmpty(required) ? null : required.ToUpperInvariant();
        var flowIds = TasksSeeder.SeedFlows(this, flows);
        var taskIds = TasksSeeder.SeedTasks(this, tasks);
        return new JsonObject
        {
            ["flowIds"] = new JsonArray(flowIds.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["taskIds"] = new JsonArray(taskIds.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        };
    }
}
