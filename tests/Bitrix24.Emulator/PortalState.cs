using System.Text.Json.Nodes;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator;

/// <summary>
/// The portal's data (users, templates, documents, running workflows), guarded by one lock, plus what tests
/// need to assert on it. The helper that builds the emulator owns the shape; these members are the contract
/// the tests rely on.
/// </summary>
/// <remarks>
/// Always present after start or reset: user 1 (administrator), user 2 (not an administrator) and templates
/// 1–4 (see <see cref="PortalSeeder"/>): 1 leads, 2 deals, 3 contacts, 4 deals with a required parameter.
/// </remarks>
public sealed class PortalState
{
    private readonly int _randomSeed;
    private Random _random;
    private readonly Dictionary<long, UserRow> _users = new();
    private readonly Dictionary<long, TemplateRow> _templates = new();
    private readonly Dictionary<string, WorkflowRow> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _terminations = new(StringComparer.Ordinal);

    internal PortalState(int randomSeed)
    {
        _randomSeed = randomSeed;
        _random = new Random(randomSeed);
        Clear();
    }

    /// <summary>The one lock: method handlers run under it.</summary>
    internal object SyncRoot { get; } = new();

    /// <summary>Ids of workflows still running.</summary>
    public IReadOnlyList<string> RunningWorkflowIds()
    {
        lock (SyncRoot)
            return _workflows.Values.Where(w => w.Running).Select(w => w.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    /// <summary>How many times terminate (or kill) succeeded for each workflow id.</summary>
    public IReadOnlyDictionary<string, int> TerminationCounts()
    {
        lock (SyncRoot)
            return new Dictionary<string, int>(_terminations, StringComparer.Ordinal);
    }

    /// <summary>Adds templates (with documents) and running workflows; returns the new workflow ids.</summary>
    public IReadOnlyList<string> SeedWorkflows(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
            return PortalSeeder.SeedWorkflows(this, count);
    }

    /// <summary>Adds a workflow template for a CRM entity (CCrmDocumentLead…); returns its id.</summary>
    public long SeedTemplate(string name, string entity)
    {
        lock (SyncRoot)
            return PortalSeeder.SeedTemplate(this, name, entity);
    }

    /// <summary>Adds running workflows of one template, on the given documents (LEAD_7…) or on
    /// <paramref name="count"/> new ones; returns their ids.</summary>
    public IReadOnlyList<string> SeedWorkflows(long templateId, int count, IReadOnlyList<string>? documentIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
            return PortalSeeder.SeedWorkflowsOf(this, templateId, count, documentIds);
    }

    /// <summary>Adds users besides the admin (1) and the non-admin (2).</summary>
    public void SeedUsers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
            PortalSeeder.SeedUsers(this, count);
    }

    /// <summary>Parameters a workflow was started with, as the portal parsed them (for round-trip tests):
    /// strings, long/double, bool, null, object?[] for lists and dictionaries for objects. Null for an
    /// unknown id.</summary>
    public IReadOnlyDictionary<string, object?>? StartParameters(string workflowId)
    {
        lock (SyncRoot)
            return _workflows.TryGetValue(workflowId, out var workflow)
                ? (IReadOnlyDictionary<string, object?>)PhpValues.ToPlain(workflow.Parameters)!
                : null;
    }

    /// <summary>Status text terminate was given for a workflow (null when running, killed or unknown).</summary>
    public string? TerminationStatus(string workflowId)
    {
        lock (SyncRoot)
            return _workflows.TryGetValue(workflowId, out var workflow) && !workflow.Running ? workflow.StatusText : null;
    }

    /// <summary>Ids of all users.</summary>
    public IReadOnlyList<int> UserIds()
    {
        lock (SyncRoot)
            return _users.Keys.Select(id => (int)id).OrderBy(id => id).ToList();
    }

    // ---- used by the method handlers (under SyncRoot) and by the seeder ----

    internal Random Random => _random;
    internal IEnumerable<UserRow> Users => _users.Values;
    internal IEnumerable<TemplateRow> Templates => _templates.Values;
    internal IEnumerable<WorkflowRow> RunningWorkflows => _workflows.Values.Where(w => w.Running);

    internal UserRow? FindUser(long id) => _users.GetValueOrDefault(id);
    internal TemplateRow? FindTemplate(long id) => _templates.GetValueOrDefault(id);
    internal long NextUserId() => _users.Count == 0 ? 1 : _users.Keys.Max() + 1;

    internal void AddUser(UserRow user) => _users[user.Id] = user;
    internal void AddTemplate(TemplateRow template) => _templates[template.Id] = template;

    internal string NewWorkflowId() => WorkflowIds.Next(_random, _workflows.ContainsKey);
    internal void AddWorkflow(WorkflowRow workflow) => _workflows[workflow.Id] = workflow;

    /// <summary>terminate: stops a running workflow, keeps its data.</summary>
    internal bool TryTerminate(string id, string status)
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
    internal bool TryKill(string id)
    {
        if (!_workflows.TryGetValue(id, out var workflow) || !workflow.Running)
            return false;
        _workflows.Remove(id);
        CountTermination(id);
        return true;
    }

    private void CountTermination(string id) => _terminations[id] = _terminations.GetValueOrDefault(id) + 1;

    /// <summary>Back to the start: only the base users and templates, a fresh Random with the same seed.</summary>
    internal void Clear()
    {
        lock (SyncRoot)
        {
            _random = new Random(_randomSeed);
            _users.Clear();
            _templates.Clear();
            _workflows.Clear();
            _terminations.Clear();
            PortalSeeder.SeedBase(this);
        }
    }
}
