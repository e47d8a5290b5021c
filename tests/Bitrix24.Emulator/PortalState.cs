namespace Bitrix24.Emulator;

/// <summary>
/// The portal's data (users, templates, documents, running workflows), guarded by one lock, plus what tests
/// need to assert on it. The helper that builds the emulator owns the shape; these members are the contract
/// the tests rely on.
/// </summary>
public sealed class PortalState
{
    /// <summary>Ids of workflows still running.</summary>
    public IReadOnlyList<string> RunningWorkflowIds() => throw new NotImplementedException();

    /// <summary>How many times terminate (or kill) succeeded for each workflow id.</summary>
    public IReadOnlyDictionary<string, int> TerminationCounts() => throw new NotImplementedException();

    /// <summary>Adds templates (with documents) and running workflows; returns the new workflow ids.</summary>
    public IReadOnlyList<string> SeedWorkflows(int count) => throw new NotImplementedException();

    /// <summary>Adds users besides the admin (1) and the non-admin (2).</summary>
    public void SeedUsers(int count) => throw new NotImplementedException();

    /// <summary>Parameters a workflow was started with, as the portal parsed them (for round-trip tests).</summary>
    public IReadOnlyDictionary<string, object?>? StartParameters(string workflowId) => throw new NotImplementedException();
}
