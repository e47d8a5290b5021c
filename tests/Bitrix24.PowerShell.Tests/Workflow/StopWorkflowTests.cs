using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Stop-/Remove-B24Workflow: batched, per-item errors, pipeline binding, -PassThru.</summary>
public sealed class StopWorkflowTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 10 });

    private const string Missing1 = "ffffffffffffff.00000001";
    private const string Missing2 = "ffffffffffffff.00000002";

    [Fact]
    public void Bad_ids_in_the_pipeline_are_one_error_each_and_the_good_ones_are_terminated()
    {
        var running = Portal.Portal.RunningWorkflowIds();
        var good = running.Take(4).ToArray();
        object[] ids = [good[0], Missing1, good[1], good[2], Missing2, good[3]];

        var result = Run(Connect + "$ids | Stop-B24Workflow -Confirm:$false\n'pipeline completed'", new { ids });

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(["pipeline completed"], result.Values);
        Assert.Equal([Missing1, Missing2], result.Errors.Select(e => e.TargetObject));
        Assert.All(result.Errors, e => Assert.EndsWith(",Bitrix24.PowerShell.Commands.StopB24WorkflowCommand", e.FullyQualifiedErrorId));
        var terminated = Portal.Portal.TerminationCounts();
        Assert.Equal(good.Order(), terminated.Keys.Order());
        Assert.Equal(running.Except(good).Order(), Portal.Portal.RunningWorkflowIds().Order());
        Assert.Equal(1, Requests("batch"));
    }

    [Fact]
    public void Input_that_is_no_workflow_id_fails_alone_at_binding_and_costs_no_request()
    {
        var good = Portal.Portal.RunningWorkflowIds().Take(2).ToArray();

        var result = Run(Connect + """
            @($good[0], ' ', [pscustomobject]@{ Id = $null }, 'LEAD_1', $good[1]) | Stop-B24Workflow -Confirm:$false
            Get-B24WorkflowTemplate | Remove-B24Workflow -Confirm:$false
            'pipeline completed'
            """, new { good });

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(["pipeline completed"], result.Values);
        Assert.Equal(good.Order(), Portal.Portal.TerminationCounts().Keys.Order());
        Assert.Equal(0, Calls("bizproc.workflow.kill"));        // templates piped by mistake never reach the portal
        Assert.Equal(1, Requests("batch"));
        Assert.True(result.Errors.Count >= 3, result.ToString());
        Assert.All(result.Errors, e => Assert.StartsWith("ParameterArgumentValidationError,", e.FullyQualifiedErrorId));
        Assert.Contains("is not a workflow id", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void PassThru_writes_the_ids_in_input_order_and_binds_WorkflowId_by_property_name()
    {
        var ids = Portal.Portal.RunningWorkflowIds().Take(3).ToArray();
        var rows = ids.Select(id => new { WorkflowId = id }).ToArray();

        var result = Run(Connect + """
            $rows | ForEach-Object { [pscustomobject]@{ WorkflowId = $_.WorkflowId } } |
                Stop-B24Workflow -Status 'Closed by test' -PassThru -Confirm:$false
            """, new { rows });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(ids, result.Values.Cast<string>());
        Assert.Equal(ids.Order(), Portal.Portal.TerminationCounts().Keys.Order());
    }

    [Fact]
    public void With_several_batches_in_flight_outcomes_and_errors_still_come_in_input_order()
    {
        // Every seventh id is unknown: 20+ batches go out while later items arrive, each reports in its place.
        Portal.Portal.SeedWorkflows(990);
        var running = Portal.Portal.RunningWorkflowIds().Take(1000).ToList();
        var ids = running.Select((id, i) => i % 7 == 3 ? "ffffff" + i.ToString("D8") + ".00000001" : id).ToArray();

        var result = Run(Connect + """
            $ids | Stop-B24Workflow -PassThru -Confirm:$false 2>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E:' + $_.TargetObject } else { 'O:' + $_ } }
            """, new { ids });

        Assert.False(result.HadTerminatingError, result.ToString());
        var expected = ids.Select((id, i) => (i % 7 == 3 ? "E:" : "O:") + id);
        Assert.Equal(expected, result.Values.Cast<string>());
        Assert.Equal(ids.Count(id => !id.StartsWith("ffffff", StringComparison.Ordinal)), Portal.Portal.TerminationCounts().Count);
    }

    [Fact]
    public void ErrorAction_Stop_ends_the_pipeline_at_the_first_bad_id()
    {
        var good = Portal.Portal.RunningWorkflowIds().First();
        var result = Run(Connect + """
            try { $ids | Stop-B24Workflow -Confirm:$false -ErrorAction Stop; 'not reached' }
            catch { "caught $($_.TargetObject)" }
            """, new { ids = new object[] { Missing1, good } });

        Assert.Equal(["caught " + Missing1], result.Values);
    }

    [Fact]
    public void Remove_kills_piped_workflows_in_batches_of_50()
    {
        var result = Run(Connect + "Get-B24Workflow | Remove-B24Workflow -Confirm:$false");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.Equal(10, Calls("bizproc.workflow.kill"));
        Assert.Equal(0, Calls("bizproc.workflow.terminate"));
    }

    [Fact]
    public void Get_piped_into_Stop_terminates_each_once_across_several_batches()
    {
        Portal.Portal.SeedWorkflows(140); // 150 in all: three batches of terminations

        var result = Run(Connect + "Get-B24Workflow | Stop-B24Workflow -Confirm:$false");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.Equal(150, Portal.Portal.TerminationCounts().Count);
        Assert.All(Portal.Portal.TerminationCounts().Values, n => Assert.Equal(1, n));
        Assert.Equal(150, Calls("bizproc.workflow.terminate"));
    }
}
