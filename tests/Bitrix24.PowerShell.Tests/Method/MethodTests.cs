using System.Management.Automation;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Invoke-B24Method and Invoke-B24Batch: any method, results as PowerShell objects.</summary>
public sealed class MethodTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 120, SeedUsers = 60 });

    [Fact]
    public void Invoke_method_writes_result_rows_as_PSCustomObjects()
    {
        var result = Run(Connect + """
            $rows = @(Invoke-B24Method user.get @{ FILTER = @{ ID = 1 } })
            $rows.Count
            $rows[0] -is [System.Management.Automation.PSCustomObject]
            "$($rows[0].ID)"
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([1, true, "1"], result.Values);
    }

    [Fact]
    public void Invoke_method_All_follows_next_through_every_page()
    {
        var result = Run(Connect + """
            @(Invoke-B24Method -Method bizproc.workflow.instances -Parameters @{ select = @('ID', 'TEMPLATE_ID') } -All).Count
            @(Invoke-B24Method user.get -All).Count
            @(Invoke-B24Method bizproc.workflow.instances).Count
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([120, 62, 50], result.Values);
        Assert.Equal(3 + 1, Calls("bizproc.workflow.instances"));
        Assert.Equal(2 + 1, Calls("user.get")); // and Connect-B24's check
    }

    [Fact]
    public void Client_refusals_are_non_terminating_errors_with_a_code_not_raw_exceptions()
    {
        var result = Run("""
            $c = Connect-B24 -Url $webhook -PassThru
            Invoke-B24Method 'bad name'
            Invoke-B24Method 'bad/name' -All
            Disconnect-B24
            Get-B24User -Connection $c
            'script went on'
            """);

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(["script went on"], result.Values);
        Assert.Equal(
            ["INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.InvokeB24MethodCommand", "INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.InvokeB24MethodCommand",
             "NotConnected,Bitrix24.PowerShell.Commands.GetB24UserCommand"],
            result.Errors.Select(e => e.FullyQualifiedErrorId));
        Assert.Equal(1, Portal.GetStats().TotalRequests); // Connect-B24's check only
    }

    [Fact]
    public void Invoke_method_honours_WhatIf()
    {
        var result = Run(Connect + "Invoke-B24Method bizproc.workflow.terminate @{ ID = 'x' } -WhatIf");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(0, Calls("bizproc.workflow.terminate"));
    }

    [Fact]
    public void Batch_writes_one_object_per_success_in_order_and_an_error_per_failed_sub_call()
    {
        var result = Run(Connect + """
            Invoke-B24Batch ([ordered]@{
                users = 'user.get?FILTER[ID]=1'
                first = @{ Method = 'bizproc.workflow.instances'; Parameters = @{ select = @('ID'); order = @{ ID = 'asc' } } }
                bad   = 'no.such.method'
                again = 'bizproc.workflow.instances?select[0]=ID&start=50'
            })
            'done'
            """);

        Assert.False(result.HadTerminatingError, result.ToString());
        var items = result.Output.Take(3).ToList();
        Assert.Equal(["users", "first", "again"], items.Select(i => Prop(i, "Key")));
        Assert.Equal("bizproc.workflow.instances", Prop(items[1], "Method"));
        Assert.Equal(50, ((object[])Prop(items[1], "Result")!).Length);
        Assert.Equal(120, Prop(items[1], "Total"));
        Assert.Equal(50, Prop(items[1], "Next"));
        Assert.Equal(100, Prop(items[2], "Next"));
        Assert.Equal("done", result.Output[3].BaseObject);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ERROR_METHOD_NOT_FOUND,Bitrix24.PowerShell.Commands.InvokeB24BatchCommand", error.FullyQualifiedErrorId);
        Assert.Equal("bad", error.TargetObject);
        Assert.Equal(1, Requests("batch"));
    }

    [Fact]
    public void Batch_with_Halt_runs_nothing_after_the_first_failure()
    {
        var result = Run(Connect + """
            Invoke-B24Batch -Halt ([ordered]@{
                a = 'user.get?FILTER[ID]=1'
                b = 'no.such.method'
                c = 'user.get?FILTER[ID]=2'
            })
            """);

        Assert.Equal(["a"], result.Output.Select(i => Prop(i, "Key")));
        Assert.Single(result.Errors);
        Assert.Contains(result.Warnings, w => w.Message.Contains("not run: c"));
    }

    [Fact]
    public void Batch_sub_calls_can_reference_earlier_results()
    {
        var result = Run(Connect + """
            $r = @(Invoke-B24Batch ([ordered]@{
                page = 'bizproc.workflow.instances?select[0]=ID&order[ID]=asc&start=-1'
                next = 'bizproc.workflow.instances?select[0]=ID&order[ID]=asc&filter[>ID]=$result[page][49][ID]&start=-1'
            }))
            [string]::CompareOrdinal($r[0].Result[49].ID, $r[1].Result[0].ID) -lt 0
            $r[1].Result.Count
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, 50], result.Values);
    }
}
