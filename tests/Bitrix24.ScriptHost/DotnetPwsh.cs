using System.Diagnostics;

namespace Bitrix24.ScriptHost;

/// <summary>
/// Real pwsh as the repository pins it: `dotnet pwsh` (PowerShell 7.6.10, .config/dotnet-tools.json), started
/// in the repository root so the tool manifest is found. Used by the demo command and the Pester suite.
/// </summary>
public static class DotnetPwsh
{
    /// <summary>Runs pwsh with a script file and arguments; output lines go to the callbacks as they come.</summary>
    /// <param name="environment">Variables set for the child (null removes one).</param>
    public static int RunFile(string repositoryRoot, string script, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment, Action<string> onOutput, Action<string> onError)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script }.Concat(arguments))
            start.ArgumentList.Add(argument);
        // A caller's webhook must never reach a script that did not ask for it.
        start.Environment.Remove("B24_WEBHOOK_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet pwsh.");
        process.OutputDataReceived += (_, e) => { if (e.Data != null) onOutput(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) onError(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }
}
