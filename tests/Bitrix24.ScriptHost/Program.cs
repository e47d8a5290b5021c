// dotnet run --project tests/Bitrix24.ScriptHost -c Release -- [script.ps1] [--seed-workflows N]
// Starts an emulated portal (rate 2/s, burst 50, like a real one), sets B24_WEBHOOK_URL, runs the script
// (default: docs/examples/Demo.ps1) in real pwsh (`dotnet pwsh`) with the module from out/Bitrix24, prints
// its output and the portal's counters, and exits with the script's exit code.
using System.Globalization;
using Bitrix24.Emulator;
using Bitrix24.ScriptHost;

string? script = null;
var seedWorkflows = 1000;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--seed-workflows" && i + 1 < args.Length
        && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        seedWorkflows = n;
    else if (args[i] is "-h" or "--help")
    {
        Console.WriteLine("usage: Bitrix24.ScriptHost [script.ps1] [--seed-workflows N]");
        return 0;
    }
    else if (script is null && !args[i].StartsWith("--", StringComparison.Ordinal))
        script = args[i];
    else
    {
        Console.Error.WriteLine("Unknown argument: " + args[i]);
        return 2;
    }
}

script ??= Path.Combine(ModuleLocator.RepositoryRoot ?? ".", "docs", "examples", "Demo.ps1");
if (!File.Exists(script))
{
    Console.Error.WriteLine("Script not found: " + script);
    return 2;
}

await using var portal = await EmulatorServer.StartAsync(new EmulatorOptions { SeedWorkflows = seedWorkflows, SeedUsers = 5 });
Console.WriteLine($"Emulated portal at {portal.BaseUrl} with {seedWorkflows} running workflows; running {script}");
Console.WriteLine();

// Real pwsh (the repository's dotnet tool, PowerShell 7.6.10), as a user would run the script; the in-process
// engine (PowerShellRunner) stays for the xUnit tests, which look inside the process.
var exitCode = DotnetPwsh.RunFile(ModuleLocator.RepositoryRoot ?? ".", Path.GetFullPath(script), [],
    new Dictionary<string, string?> { ["B24_WEBHOOK_URL"] = portal.WebhookUrl }, Console.WriteLine, Console.Error.WriteLine);

var stats = portal.GetStats();
Console.WriteLine();
Console.WriteLine($"Portal: {stats.TotalRequests} HTTP requests ({stats.BatchSubCalls} batch sub-calls), "
    + $"{stats.Sent503} x 503 QUERY_LIMIT_EXCEEDED, {stats.Sent429} x 429 OPERATION_TIME_LIMIT");
return exitCode;
