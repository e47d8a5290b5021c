using Bitrix24.Emulator;
using Bitrix24.ScriptHost;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Tests that set B24_WEBHOOK_URL (process-wide) or need it absent: run alone, never in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentTests(ITestOutputHelper log) : PortalTest(log), IDisposable
{
    private const string Variable = "B24_WEBHOOK_URL";
    private readonly string? _saved = Environment.GetEnvironmentVariable(Variable);

    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 60 });

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, _saved);

    [Fact]
    public void Cmdlets_connect_from_B24_WEBHOOK_URL_when_nothing_is_current()
    {
        Environment.SetEnvironmentVariable(Variable, Portal.WebhookUrl);

        var result = Run("""
            @(Get-B24Workflow).Count
            (Get-B24Connection).Endpoint
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([60, Portal.BaseUrl + "rest/1/***/"], result.Values);
    }

    [Fact]
    public void Connect_without_arguments_reads_B24_WEBHOOK_URL_and_checks_it()
    {
        Environment.SetEnvironmentVariable(Variable, Portal.WebhookUrl);

        var result = Run("Connect-B24 -PassThru | ForEach-Object { $_.UserId }");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([1], result.Values);
        Assert.Equal(1, Calls("user.get"));
    }

    [Fact]
    public void Without_connection_or_variable_cmdlets_fail_with_NotConnected()
    {
        Environment.SetEnvironmentVariable(Variable, null);

        var result = Run("""
            Get-B24Workflow
            try { Stop-B24Workflow -Id '66e412fdc9bd44.36306599' -Confirm:$false -ErrorAction Stop } catch { "caught $($_.FullyQualifiedErrorId)" }
            """);

        // A terminating error of the cmdlet: it ends that statement (the script goes on) and try/catch sees it.
        var error = Assert.Single(result.Errors);
        Assert.Equal("NotConnected,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-B24", error.Exception.Message);
        Assert.Equal(["caught NotConnected,Bitrix24.PowerShell.Commands.StopB24WorkflowCommand"], result.Values);
        Assert.Equal(0, Portal.GetStats().TotalRequests);
    }

    [Fact]
    public void Disconnect_forgets_the_current_connection_and_a_failed_connect_sets_none()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        var wrong = Portal.WebhookUrl.Replace(CodeOf(Portal.WebhookUrl), "wrongcode0000000");

        var result = Run("""
            Connect-B24 -Url $webhook
            (Get-B24Connection).UserId
            Disconnect-B24
            try { Get-B24Connection -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            Connect-B24 -Url $wrong -ErrorAction SilentlyContinue
            try { Get-B24Connection -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            """, new { wrong });

        Assert.Equal([1, "NotConnected,Bitrix24.PowerShell.Commands.GetB24ConnectionCommand",
            "NotConnected,Bitrix24.PowerShell.Commands.GetB24ConnectionCommand"], result.Values);
    }

    [Fact]
    public void Demo_script_stops_every_workflow()
    {
        Environment.SetEnvironmentVariable(Variable, Portal.WebhookUrl);
        var demo = Path.Combine(ModuleLocator.RepositoryRoot!, "docs", "examples", "Demo.ps1");

        using var runner = new PowerShellRunner();
        var result = runner.RunFile(demo);
        foreach (var line in result.Output)
            Log.WriteLine(OutputFormatter.Describe(line));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("Running workflows after the stop: 0", result.Values);
        Assert.Contains("Done: no workflow is running.", result.Values);
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.DoesNotContain(CodeOf(Portal.WebhookUrl), result.AllText());
    }
}
