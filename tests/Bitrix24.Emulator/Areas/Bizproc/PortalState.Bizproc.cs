using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator;

/// <summary>What tests read and seed of the bizproc area (each call takes the portal lock).</summary>
public sealed partial class PortalState
{
    /// <summary>A template as stored, for tests: its owner application, name, description, AUTO_EXECUTE,
    /// document type and the .bpt bytes received; null when there is none.</summary>
    public StoredTemplate? Template(long id)
    {
        lock (SyncRoot)
            return Area<BizprocArea>().FindTemplate(id) is { } t
                ? new StoredTemplate(t.ApplicationId, t.Name, t.Description, t.AutoExecute, t.ModuleId + "|" + t.Entity + "|" + t.DocumentType, t.TemplateData)
                : null;
    }

    /// <summary>Ids of workflows still running.</summary>
    public IReadOnlyList<string> RunningWorkflowIds()
    {
        lock (SyncRoot)
            return Area<BizprocArea>().RunningWorkflows.Select(w => w.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    /// <summary>How many times terminate (or kill) succeeded for each workflow id.</summary>
    public IReadOnlyDictionary<string, int> TerminationCounts()
    {
        lock (SyncRoot)
            return new Dictionary<string, int>(Area<BizprocArea>().Terminations, StringComparer.Ordinal);
    }

    /// <summary>Adds running workflows over templates 1–3 on new documents; returns the new workflow ids.</summary>
    public IReadOnlyList<string> SeedWorkflows(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
        {
            Changed();
            return BizprocSeeder.SeedWorkflows(Area<BizprocArea>(), count);
        }
    }

    /// <summary>Adds a workflow template for a CRM entity (CCrmDocumentLead…); returns its id.</summary>
    public long SeedTemplate(string name, string entity)
    {
        lock (SyncRoot)
        {
            Changed();
            return BizprocSeeder.SeedTemplate(Area<BizprocArea>(), name, entity);
        }
    }

    /// <summary>Adds running workflows of one template, on the given documents (LEAD_7…) or on
    /// <paramref name="count"/> new ones; returns their ids.</summary>
    public IReadOnlyList<string> SeedWorkflows(long templateId, int count, IReadOnlyList<string>? documentIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
        {
            Changed();
            return BizprocSeeder.SeedWorkflowsOf(Area<BizprocArea>(), templateId, count, documentIds);
        }
    }

    /// <summary>Parameters a workflow was started with, as the portal parsed them (for round-trip tests):
    /// strings, long/double, bool, null, object?[] for lists and dictionaries for objects. Null for an
    /// unknown id.</summary>
    public IReadOnlyDictionary<string, object?>? StartParameters(string workflowId)
    {
        lock (SyncRoot)
            return Area<BizprocArea>().FindWorkflow(workflowId) is { } workflow
                ? (IReadOnlyDictionary<string, object?>)PhpValues.ToPlain(workflow.Parameters)!
                : null;
    }

    /// <summary>Status text terminate was given for a workflow (null when running, killed or unknown).</summary>
    public string? TerminationStatus(string workflowId)
    {
        lock (SyncRoot)
            return Area<BizprocArea>().FindWorkflow(workflowId) is { Running: false } workflow ? workflow.StatusText : null;
    }
}

/// <summary>A template as <see cref="PortalState.Template"/> reads it.</summary>
public sealed record StoredTemplate(string? ApplicationId, string Name, string? Description, long AutoExecute, string DocumentType, byte[]? TemplateData);
