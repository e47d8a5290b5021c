using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>The flow cmdlets in process against the emulator: lifecycle, idempotent state, errors, -WhatIf.</summary>
public sealed class FlowCmdletTests(ITestOutputHelper log) : PortalTest(log)
{
    private long Writes => Portal.GetStats().WritesByMethod.Values.Sum();

    [Fact]
    public void Lifecycle_create_update_toggle_twice_enable_get_delete()
    {
        var values = RunOk(Connect + """
            $before = Test-B24Flow -Name 'Life'
            $f = New-B24Flow -Name 'Life' -PlannedCompletionTime 7200 -Responsible 1
            $after = Test-B24Flow -Name 'Life'
            $u = $f | Set-B24Flow -Description 'd2' -PassThru
            $t1 = ($f | Switch-B24Flow -PassThru).Active
            $t2 = ($f | Switch-B24Flow -PassThru).Active
            $e = ($f | Enable-B24Flow -PassThru).Active
            $g = Get-B24Flow -Id $f.Id
            $f | Remove-B24Flow -Force
            $gone = Test-B24Flow -Name 'Life'
            $before, $after, $u.Description, $t1, $t2, $e, $g.Name, $gone
            """);
        Assert.Equal([false, true, "d2", false, true, true, "Life", false], values);
        Assert.Empty(Portal.Portal.FlowIds());
        Assert.Equal(2, Portal.GetStats().WritesByMethod["tasks.flow.flow.activate"]);  // enable of an active flow wrote nothing
    }

    [Fact]
    public void Create_sends_the_documented_wire_values()
    {
        var values = RunOk(Connect + """
            $f = New-B24Flow -Name 'Wire' -PlannedCompletionTime ([TimeSpan]::FromMinutes(90)) -DistributionType Queue -ResponsibleDepartment 17 -Responsible 2 -ExcludeSubdepartments -TaskCreator 1 -MatchWorkTime:$false -TaskControl -NotifyWhenEfficiencyDecreases 40 -GroupId 2
            $members = ($f.ResponsibleList | ForEach-Object { $_.Type + '=' + $_.Id }) -join ' '
            $creator = $f.TaskCreators[0].Type + '=' + $f.TaskCreators[0].Id
            $f.PlannedCompletionTime, $f.DistributionType, $members, $f.MatchWorkTime, $f.TaskControl, $f.NotifyWhenEfficiencyDecreases, $f.GroupId, $creator
            """);
        Assert.Equal([5400L, "queue", "user=2 department=17:F", false, true, 40, 2L, "user=1"], values);
    }

    [Fact]
    public void Documented_errors_are_per_item_with_the_portal_code()
    {
        var result = Run(Connect + """
            $null = New-B24Flow -Name 'Dup' -PlannedCompletionTime 60 -Responsible 1
            'Dup', 'Other' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-B24Flow -PlannedCompletionTime 60 -Responsible 1 | ForEach-Object Name
            Get-B24Flow -Id 4242
            'done'
            """);
        Assert.Equal(["Other", "done"], result.Values);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("A flow with this name already exists", result.Errors[0].Exception.Message);
        Assert.StartsWith("0,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Contains("Flow not found", result.Errors[1].Exception.Message);
    }

    [Fact]
    public void WhatIf_on_every_state_changing_flow_cmdlet_writes_nothing()
    {
        // Flow 1 active (for Disable), flow 2 switched off (for Enable): each would have to write without -WhatIf.
        RunOk(Connect + "$null = New-B24Flow -Name 'W' -PlannedCompletionTime 60 -Responsible 1; New-B24Flow -Name 'Off' -PlannedCompletionTime 60 -Responsible 1 | Switch-B24Flow");
        var writes = Writes;
        var result = Run(Connect + """
            New-B24Flow -Name 'Never' -PlannedCompletionTime 60 -Responsible 1 -WhatIf
            Set-B24Flow -Id 1 -Name 'X' -WhatIf
            Switch-B24Flow -Id 1 -WhatIf
            Disable-B24Flow -Id 1 -WhatIf
            Enable-B24Flow -Id 2 -WhatIf
            Remove-B24Flow -Id 1 -Force -WhatIf
            Add-B24FlowPin -Id 1 -WhatIf
            Remove-B24FlowPin -Id 1 -WhatIf
            """);
        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(writes, Writes);
        Assert.Equal([1L, 2L], Portal.Portal.FlowIds().Order());
        Assert.False(RunOk(Connect + "(Get-B24Flow -Id 2).Active").Cast<bool>().Single(), "flow 2 is still off");
    }

    [Fact]
    public void Many_ids_are_one_batch_request()
    {
        Portal.Portal.SeedFlows(7);
        var values = RunOk(Connect + "(1..7 | Get-B24Flow).Id");
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], values);
        Assert.Equal(1, Requests("batch"));
    }
}
