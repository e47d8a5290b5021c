using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>
/// Business processes: templates (1–4 always there, see <see cref="BizprocSeeder"/>) and workflow instances,
/// with bizproc.workflow.template.list / start / instances (alias instance.list) / terminate / kill.
/// Terminated workflows keep their data but leave the list; killed ones are deleted. Seeds from
/// <c>--seed-workflows N</c> and from <c>{"templates":[{"name","entity"}], "workflows":N, "templateId":T,
/// "documentIds":[…]}</c>, answering <c>{"templateIds":[…],"workflowIds":[…]}</c>.
/// </summary>
internal sealed class BizprocArea : PortalArea
{
    private readonly Dictionary<long, TemplateRow> _templates = new();
    private readonly Dictionary<string, WorkflowRow> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _terminations = new(StringComparer.Ordinal);

    public BizprocArea(PortalState portal)
        : base(portal)
    {
    }

    public override IReadOnlyCollection<string> SeedKeys => ["templates", "workflows", "templateId", "documentIds"];

    public override void Register(MethodRegistry methods)
    {
        methods.Read("bizproc.workflow.template.list", TemplateMethods.List);
        methods.Write("bizproc.workflow.template.add", TemplateMethods.Add, applicationOnly: true);
        methods.Write("bizproc.workflow.template.update", TemplateMethods.Update, applicationOnly: true);
        methods.Write("bizproc.workflow.template.delete", TemplateMethods.Delete, applicationOnly: true);
        methods.Write("bizproc.workflow.start", WorkflowMethods.Start);
        methods.Read("bizproc.workflow.instances", WorkflowMethods.Instances);
        methods.Read("bizproc.workflow.instance.list", WorkflowMethods.Instances);
        methods.Write("bizproc.workflow.terminate", WorkflowMethods.Terminate);
        methods.Write("bizproc.workflow.kill", WorkflowMethods.Kill);
    }

    public override void Clear()
    {
        _templates.Clear();
        _workflows.Clear();
        _terminations.Clear();
        foreach (var template in BizprocSeeder.BaseTemplates())
            AddTemplate(template);
    }

    public override void SeedFromOptions(EmulatorOptions options) => BizprocSeeder.SeedWorkflows(this, options.SeedWorkflows);

    public override JsonObject Seed(SeedSection section)
    {
        var templates = section.Get<SeedTemplate?[]>("templates") ?? [];
        var workflows = section.Count("workflows");
        var templateId = section.Get<long?>("templateId");
        var documentIds = section.Get<string[]>("documentIds");
        if (documentIds is not null && templateId is null)
            throw new ArgumentException("'documentIds' needs a 'templateId'.");
        if (templates.Any(t => t is null || string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Entity)))
            throw new ArgumentException("each of 'templates' needs a 'name' and an 'entity' (CCrmDocumentLead…).");

        var templateIds = templates.Select(t => BizprocSeeder.SeedTemplate(this, t!.Name!, t.Entity!)).ToList();
        var workflowIds = templateId is { } id
            ? BizprocSeeder.SeedWorkflowsOf(this, id, workflows, documentIds)
            : BizprocSeeder.SeedWorkflows(this, workflows);
        return new JsonObject
        {
            ["templateIds"] = new JsonArray(templateIds.Select(t => (JsonNode?)t).ToArray()),
            ["workflowIds"] = new JsonArray(workflowIds.Select(w => (JsonNode?)w).ToArray()),
        };
    }

    public IEnumerable<TemplateRow> Templates => _templates.Values;

    public IEnumerable<WorkflowRow> RunningWorkflows => _workflows.Values.Where(w => w.Running);

    public TemplateRow? FindTemplate(long id) => _templates.GetValueOrDefault(id);

    public WorkflowRow? FindWorkflow(string id) => _workflows.GetValueOrDefault(id);

    public IReadOnlyDictionary<string, int> Terminations => _terminations;

    public void AddTemplate(TemplateRow template) => _templates[template.Id] = template;

    public void RemoveTemplate(long id) => _templates.Remove(id);

    public long NextTemplateId() => _templates.Keys.DefaultIfEmpty(0).Max() + 1;

    public string NewWorkflowId() => WorkflowIds.Next(Portal.Random, _workflows.ContainsKey);

    /// <summary>Adds a running workflow and tells the areas that run its steps (workflow tasks) that it started.</summary>
    public void AddWorkflow(WorkflowRow workflow)
    {
        _workflows[workflow.Id] = workflow;
        foreach (var observer in Portal.Areas.OfType<IWorkflowObserver>())
            observer.Started(workflow, FindTemplate(workflow.TemplateId));
    }

    /// <summary>The workflow ran its last step: it leaves the running list (its data is kept, not counted as a termination).</summary>
    public void Finish(string id, string status)
    {
        if (!_workflows.TryGetValue(id, out var workflow) || !workflow.Running)
            return;
        workflow.Running = false;
        workflow.StatusText = status;
        workflow.Modified = PortalClock.Now;
    }

    /// <summary>terminate: stops a running workflow, keeps its data.</summary>
    public bool TryTerminate(string id, string status)
    {
        if (!_workflows.TryGetValue(id, out var workflow) || !workflow.Running)
            return false;
        workflow.Running = false;
        workflow.StatusText = status;
        workflow.Modified = PortalClock.Now;
        CountTermination(id);
        return true;
    }

    /// <summary>kill: deletes a running workflow and its data.</summary>
    public bool TryKill(string id)
    {
        if (!_workflows.TryGetValue(id, out var workflow) || !workflow.Running)
            return false;
        _workflows.Remove(id);
        CountTermination(id);
        return true;
    }

    private void CountTermination(string id) => _terminations[id] = _terminations.GetValueOrDefault(id) + 1;

    private sealed record SeedTemplate(string? Name, string? Entity);
}
