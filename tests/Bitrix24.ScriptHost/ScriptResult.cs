using System.Management.Automation;
using System.Text;

namespace Bitrix24.ScriptHost;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class ScriptResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }
    public required IReadOnlyList<InformationRecord> Information { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    /// <summary>What ended the script early (a terminating error or a stop), or null when it ran to the end.</summary>
    public Exception? TerminatingError { get; init; }

    /// <summary>The script was stopped (PowerShell.Stop(), i.e. Ctrl+C).</summary>
    public bool Stopped { get; init; }

    public bool HadTerminatingError => TerminatingError != null && !Stopped;

    /// <summary>No terminating error and no error record.</summary>
    public bool Succeeded => TerminatingError == null && Errors.Count == 0;

    /// <summary>The terminating error's record, when there is one.</summary>
    public ErrorRecord? TerminatingRecord => (TerminatingError as IContainsErrorRecord)?.ErrorRecord;

    /// <summary>Output values as plain .NET objects (PSObject wrappers removed).</summary>
    public IEnumerable<object?> Values => Output.Select(o => o?.BaseObject);

    /// <summary>Every text any stream carries (outputs and their properties, errors with details and targets,
    /// warnings, verbose, information): what a secret must never appear in.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output)
            text.AppendLine(OutputFormatter.Describe(item));
        foreach (var error in Errors.Concat(TerminatingRecord is { } t ? new[] { t } : Array.Empty<ErrorRecord>()))
            text.AppendLine(OutputFormatter.Describe(error));
        if (TerminatingError != null)
            text.AppendLine(TerminatingError.ToString());
        foreach (var warning in Warnings)
            text.AppendLine(warning.Message);
        foreach (var verbose in Verbose)
            text.AppendLine(verbose.Message);
        foreach (var info in Information)
            text.AppendLine(info.MessageData?.ToString());
        return text.ToString();
    }

    /// <summary>A readable digest for test failure messages.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Output.Count} output(s), {Errors.Count} error(s), {Warnings.Count} warning(s), stopped={Stopped}");
        foreach (var error in Errors)
            text.AppendLine("  error " + error.FullyQualifiedErrorId + ": " + error);
        if (TerminatingError != null)
            text.AppendLine("  terminating: " + (TerminatingRecord?.FullyQualifiedErrorId ?? "") + " " + TerminatingError.Message);
        foreach (var warning in Warnings)
            text.AppendLine("  warning: " + warning.Message);
        return text.ToString();
    }
}
