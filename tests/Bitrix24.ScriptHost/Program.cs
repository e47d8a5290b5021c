// dotnet run --project tests/Bitrix24.ScriptHost -c Release -- [script.ps1] [--seed-workflows N]
// Starts an emulated portal (rate 2/s, burst 50, like a real one), sets B24_WEBHOOK_URL, runs the script
// (default: docs/examples/Demo.ps1) with the module from out/Bitrix24, prints every stream and the
// portal's counters, and exits non-zero if the script failed.
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
Environment.SetEnvironmentVariable("B24_WEBHOOK_URL", portal.WebhookUrl);
Console.WriteLine($"Emulated portal at {portal.BaseUrl} with {seedWorkflows} running workflows; running {script}");
Console.WriteLine();

ScriptResult result;
using (var runner = new PowerShellRunner())
    result = runner.RunFile(script);

foreach (var item in result.Output)
    Console.WriteLine(OutputFormatter.Describe(item));
foreach (var verbose in result.Verbose)
    Console.WriteLine("VERBOSE: " + verbose.Message);
foreach (var warning in result.Warnings)
    Console.WriteLine("WARNING: " + warning.Message);
foreach (var error in result.Errors)
    Console.WriteLine(OutputFormatter.Describe(error));
if (result.TerminatingError != null)
{
    Console.WriteLine(result.TerminatingRecord is { } record
        ? "TERMINATING " + OutputFormatter.Describe(record)
        : "TERMINATING: " + result.TerminatingError.Message);
}

var stats = portal.GetStats();
Console.WriteLine();
Console.WriteLine($"Portal: {stats.TotalRequests} HTTP requests ({stats.BatchSubCalls} batch sub-calls), "
    + $"{stats.Sent503} x 503 QUERY_LIMIT_EXCEEDED, {stats.Sent429} x 429 OPERATION_TIME_LIMIT");
return result.Succeeded ? 0 : 1;
