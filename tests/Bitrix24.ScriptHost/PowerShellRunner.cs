using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Bitrix24.ScriptHost;

/// <summary>
/// One runspace of the in-process PowerShell engine with the built module imported from out/Bitrix24 (by its
/// manifest, as a user would). Runs scripts and returns every stream. Not thread-safe except
/// <see cref="Stop"/>; dispose after use.
/// </summary>
public sealed class PowerShellRunner : IDisposable
{
    private readonly Runspace _runspace;
    private volatile PowerShell? _running;

    /// <param name="verbose">Sets $VerbosePreference to Continue so verbose records are captured.</param>
    public PowerShellRunner(bool verbose = false)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { ModuleLocator.ManifestPath });
        state.ThrowOnRunspaceOpenError = true;
        if (verbose)
            state.Variables.Add(new SessionStateVariableEntry("VerbosePreference", ActionPreference.Continue, ""));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs script text with the given variables set first.</summary>
    public ScriptResult Run(string script, IReadOnlyDictionary<string, object?>? variables = null)
        => Invoke(ps => ps.AddScript(script), variables);

    /// <summary>Runs a .ps1 file (so $PSScriptRoot and $PSCommandPath work).</summary>
    public ScriptResult RunFile(string path, IReadOnlyDictionary<string, object?>? variables = null)
        => Invoke(ps => ps.AddCommand(Path.GetFullPath(path)), variables);

    /// <summary>Stops the running script as Ctrl+C would; returns without waiting for it to end.</summary>
    public void Stop() => _running?.BeginStop(null, null);

    private ScriptResult Invoke(Action<PowerShell> add, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            _runspace.SessionStateProxy.SetVariable(name, value);

        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        add(ps);

        var output = new PSDataCollection<PSObject>();
        Exception? terminating = null;
        var stopped = false;
        _running = ps;
        try
        {
            ps.Invoke(null, output);
        }
        catch (PipelineStoppedException ex)
        {
            terminating = ex;
            stopped = true;
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        finally
        {
            _running = null;
        }

        return new ScriptResult
        {
            Output = output.ToList(),
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Information = ps.Streams.Information.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            TerminatingError = terminating,
            Stopped = stopped || ps.InvocationStateInfo.State == PSInvocationState.Stopped,
        };
    }

    public void Dispose() => _runspace.Dispose();
}
