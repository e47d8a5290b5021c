using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>-WhatIf on the writers sends no write request and changes nothing.</summary>
public sealed class WhatIfTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 120 });

    [Theory]
    [InlineData("Stop-B24Workflow")]
    [InlineData("Remove-B24Workflow")]
    public void WhatIf_sends_nothing_and_stops_nothing(string cmdlet)
    {
        var result = Run(Connect + $"Get-B24Workflow | {cmdlet} -WhatIf\n'finished'");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["finished"], result.Values);
        Assert.Equal(120, Portal.Portal.RunningWorkflowIds().Count);
        Assert.Empty(Portal.Portal.TerminationCounts());
        Assert.Equal(0, Calls("bizproc.workflow.terminate"));
        Assert.Equal(0, Calls("bizproc.workflow.kill"));
    }

    [Fact]
    public void WhatIf_on_start_sends_nothing()
    {
        var result = Run(Connect + """
            $w = Get-B24Workflow -First 1
            Start-B24Workflow -TemplateId $w.TemplateId -DocumentId $w.ModuleId, $w.Entity, $w.DocumentId -WhatIf
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Output);
        Assert.Equal(0, Calls("bizproc.workflow.start"));
        Assert.Equal(120, Portal.Portal.RunningWorkflowIds().Count);
    }
}
