using System.Text;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>The cmdlet shapes' shared promises: each cmdlet names its REST methods and the portal serves them;
/// -Force skips the confirmation but never -WhatIf.</summary>
public sealed class CmdletShapeTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 30 });

    /// <summary>Cmdlets that call whatever method the user names, or none.</summary>
    private static readonly string[] WithoutFixedMethods = ["Invoke-B24Method", "Invoke-B24Batch", "Disconnect-B24", "Get-B24Connection"];

    [Fact]
    public async Task Every_cmdlet_declares_its_methods_and_the_emulator_serves_each_one()
    {
        var declared = RunOk(Connect + """
            foreach ($c in Get-Command -Module Bitrix24 -CommandType Cmdlet) {
                $a = $c.ImplementingType.GetCustomAttributes($false) | Where-Object { $_.GetType().Name -eq 'B24MethodAttribute' }
                if ($a) { foreach ($m in $a.Methods) { "$($c.Name)=$m" } } else { "$($c.Name)=" }
            }
            """).Select(v => v!.ToString()!.Split('=')).ToList();

        var undeclared = declared.Where(d => d[1].Length == 0 && !WithoutFixedMethods.Contains(d[0])).Select(d => d[0]).ToList();
        Assert.True(undeclared.Count == 0, "cmdlets without [B24Method]: " + string.Join(", ", undeclared));
        var methods = declared.Where(d => d[1].Length > 0).Select(d => d[1]).Distinct().ToList();
        Assert.Contains("bizproc.workflow.terminate", methods);

        using var http = new HttpClient();
        foreach (var method in methods)
        {
            // Empty parameters: a write fails its own validation and changes nothing; only the method's existence is asked.
            using var response = await http.PostAsync(Portal.WebhookUrl + method, new StringContent("{}", Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains("ERROR_METHOD_NOT_FOUND", StringComparison.Ordinal), method + " is not served by the emulator");
        }
        Assert.Equal(30, Portal.Portal.RunningWorkflowIds().Count);
    }

    [Fact]
    public void Force_removes_without_asking_even_when_confirmation_is_wanted()
    {
        // $ConfirmPreference Low would prompt for every item; this host cannot prompt, so a prompt fails the run.
        var result = Run(Connect + "$ConfirmPreference = 'Low'\nGet-B24Workflow | Remove-B24Workflow -Force\n'finished'");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["finished"], result.Values);
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.Equal(2, Calls("batch"));   // the listing's and the removal's
    }

    [Fact]
    public void Force_with_WhatIf_sends_nothing()
    {
        var result = Run(Connect + "Get-B24Workflow | Remove-B24Workflow -Force -WhatIf\n$WhatIfPreference = $true\nGet-B24Workflow | Remove-B24Workflow -Force\n'finished'");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(30, Portal.Portal.RunningWorkflowIds().Count);
        Assert.Equal(0, Calls("bizproc.workflow.kill"));
    }
}
