using System.Management.Automation;
using Bitrix24.Emulator;
using Bitrix24.ScriptHost;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// Base of the end-to-end tests: a fresh emulated portal per test (xunit makes a new instance per test), and
/// scripts run in a fresh runspace with <c>$webhook</c> set to the admin's webhook. Unless a test is about
/// pacing, the portal and the connection allow a high rate, so nothing waits on the leaky bucket.
/// </summary>
public abstract class PortalTest : IAsyncLifetime
{
    /// <summary>Connects with limits high enough that tests never wait on pacing.</summary>
    protected const string Connect = "Connect-B24 -Url $webhook -RequestsPerSecond 1000 -Burst 1000\n";

    protected PortalTest(ITestOutputHelper log) => Log = log;

    protected ITestOutputHelper Log { get; }

    protected EmulatorServer Portal { get; private set; } = null!;

    /// <summary>How the portal of each test starts; override to seed data or keep the real limits.</summary>
    protected virtual EmulatorOptions PortalOptions => Fast(new EmulatorOptions());

    protected static EmulatorOptions Fast(EmulatorOptions options)
    {
        options.Rate = 1000;
        options.Burst = 100_000;
        return options;
    }

    public async Task InitializeAsync() => Portal = await EmulatorServer.StartAsync(PortalOptions);

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>Runs a script in a new runspace; <c>$webhook</c> and <paramref name="variables"/> are set.</summary>
    protected ScriptResult Run(string script, object? variables = null, bool verbose = false)
    {
        var all = new Dictionary<string, object?> { ["webhook"] = Portal.WebhookUrl };
        foreach (var property in variables?.GetType().GetProperties() ?? [])
            all[property.Name] = property.GetValue(variables);

        using var runner = new PowerShellRunner(verbose);
        var result = runner.Run(script, all);
        Log.WriteLine(result.ToString());
        return result;
    }

    /// <summary>Runs a script that must succeed without any error, and returns its output values.</summary>
    protected IReadOnlyList<object?> RunOk(string script, object? variables = null)
    {
        var result = Run(script, variables);
        Assert.True(result.Succeeded, result.ToString());
        return result.Values.ToList();
    }

    /// <summary>The webhook code (the secret) of a webhook URL: its last path segment.</summary>
    protected static string CodeOf(string webhookUrl) => new Uri(webhookUrl).Segments[^1].Trim('/');

    /// <summary>A property of an output object; wrappers removed unless the value is a PSCustomObject.</summary>
    protected static object? Prop(object? item, string name)
    {
        if (item is null)
            return null;
        var value = PSObject.AsPSObject(item).Properties[name]?.Value;
        return value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
    }

    /// <summary>Calls of a method so far, direct or inside batches.</summary>
    protected long Calls(string method) => Portal.GetStats().CallsByMethod.TryGetValue(method, out var n) ? n : 0;

    /// <summary>HTTP requests of a method so far (a batch counts once, as "batch").</summary>
    protected long Requests(string method) => Portal.GetStats().RequestsByMethod.TryGetValue(method, out var n) ? n : 0;
}
