using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Areas.Users;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>
/// Workflow tasks: bizproc.task.list / complete / delegate. A template whose tree holds approval, review or
/// request-for-information activities (<see cref="TaskStep"/>) gives each user its first step names a task
/// when a workflow starts from it (bizproc.workflow.start or seeding); when the last task of a step is done the
/// workflow moves to the next step, or finishes (it leaves bizproc.workflow.instances). A rejection ends it.
/// Seeds from <c>--seed-bizproc-tasks N</c> and from <c>{"taskTemplates":[…], "bizprocTasks":N,
/// "subordinates":{"1":[2]}, "extranetUsers":[…]}</c> (see <see cref="TaskSeeder"/>).
/// </summary>
internal sealed class BizprocTasksArea : PortalArea, IWorkflowObserver
{
    private readonly Dictionary<long, TaskRow> _tasks = new();
    private readonly Dictionary<long, HashSet<long>> _subordinates = new();
    private long _lastId;

    public BizprocTasksArea(PortalState portal)
        : base(portal)
    {
    }

    public override IReadOnlyCollection<string> SeedKeys => ["taskTemplates", "bizprocTasks", "subordinates", "extranetUsers"];

    public override void Register(MethodRegistry methods)
    {
        methods.Read("bizproc.task.list", TaskMethods.List);
        methods.Write("bizproc.task.complete", TaskMethods.Complete);
        methods.Write("bizproc.task.delegate", TaskMethods.Delegate);
    }

    public override void Clear()
    {
        _tasks.Clear();
        _subordinates.Clear();
        _lastId = 1000; // task ids as the docs show them (1477…), not 1
        AddSubordinate(1, 2); // the administrator manages Bella
    }

    public override void SeedFromOptions(EmulatorOptions options) => TaskSeeder.SeedApprovals(this, options.SeedBizprocTasks, userId: 1);

    public override JsonObject Seed(SeedSection section) => TaskSeeder.Seed(this, section);

    public IEnumerable<TaskRow> All => _tasks.Values;

    public TaskRow? Find(long id) => _tasks.GetValueOrDefault(id);

    public BizprocArea Bizproc => Portal.Area<BizprocArea>();

    public UsersArea Users => Portal.Area<UsersArea>();

    public void AddSubordinate(long manager, long subordinate)
    {
        if (!_subordinates.TryGetValue(manager, out var set))
            _subordinates[manager] = set = new HashSet<long>();
        set.Add(subordinate);
    }

    public bool IsSubordinate(long manager, long user) => _subordinates.TryGetValue(manager, out var set) && set.Contains(user);

    /// <summary>A workflow started: its template's first step hands out its tasks.</summary>
    public void Started(WorkflowRow workflow, TemplateRow? template)
    {
        if (template is not null)
            OpenStep(workflow, template, 0);
    }

    /// <summary>complete succeeded on a task: close it, and when its step is decided move the workflow on.</summary>
    public void Completed(TaskRow task, int status)
    {
        var now = PortalClock.Now;
        task.Status = status == 4 ? 2 : status; // cancel of a request with rejection is a rejection
        task.UserStatus = status == 4 ? 2 : status;
        task.Modified = now;
        task.Completions++;

        var step = _tasks.Values.Where(t => t.Workflow == task.Workflow && t.StepIndex == task.StepIndex).ToList();
        var rejected = status is 2 or 4;
        var decided = rejected || step.All(t => !t.Running) || (task.Step.AnyDecides && task.Step.Kind == TaskKind.Approve);
        if (!decided)
            return;
        foreach (var other in step.Where(t => t.Running))
        {
            other.Status = task.Status; // the step is decided: the others' tasks close with its outcome
            other.Modified = now;
        }
        if (rejected)
            Bizproc.Finish(task.Workflow.Id, "Rejected");
        else if (!OpenStep(task.Workflow, task.Template, task.StepIndex + 1))
            Bizproc.Finish(task.Workflow.Id, "Completed");
    }

    /// <summary>Creates the tasks of step <paramref name="index"/>; false when the template has no such step.</summary>
    private bool OpenStep(WorkflowRow workflow, TemplateRow template, int index)
    {
        var steps = TaskStep.Of(template.Template);
        if (index >= steps.Count)
            return false;
        var step = steps[index];
        var number = workflow.DocumentId.Split('_').LastOrDefault() ?? workflow.DocumentId;
        foreach (var user in step.Users)
        {
            var task = new TaskRow
            {
                Id = ++_lastId, Workflow = workflow, Template = template, Step = step, StepIndex = index,
                DocumentName = template.Name + " " + workflow.DocumentId, Modified = PortalClock.Now, UserId = user,
                DocumentUrl = "/crm/" + template.DocumentType.ToLowerInvariant() + "/details/" + number + "/",
            };
            _tasks[task.Id] = task;
        }
        workflow.Modified = PortalClock.Now;
        return true;
    }
}
