using System.Management.Automation;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Get-B24Workflow: keyset listing, -First/-Skip/-IncludeTotalCount, filters.</summary>
public sealed class GetWorkflowTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 120 });

    [Fact]
    public void Lists_every_running_workflow_once_with_all_fields()
    {
        var rows = RunOk(Connect + "Get-B24Workflow");

        Assert.Equal(120, rows.Count);
        var ids = rows.Select(r => (string)Prop(r, "Id")!).ToList();
        Assert.Equal(Portal.Portal.RunningWorkflowIds().Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(rows, r => Assert.Equal("Bitrix24.Client.Models.Workflow", r!.GetType().FullName));
        Assert.All(rows, r =>
        {
            Assert.NotNull(Prop(r, "TemplateId"));
            Assert.NotNull(Prop(r, "ModuleId"));
            Assert.NotNull(Prop(r, "Entity"));
            Assert.NotNull(Prop(r, "DocumentId"));
            Assert.NotNull(Prop(r, "Started"));
            Assert.NotNull(Prop(r, "StartedBy"));
        });
        Assert.Equal(1, Requests("bizproc.workflow.instances") + Requests("batch")); // the first page and the rest in one batch
    }

    [Fact]
    public void First_stops_requesting_pages_once_satisfied()
    {
        var rows = RunOk(Connect + "Get-B24Workflow -First 5");

        Assert.Equal(5, rows.Count);
        Assert.Equal(1, Requests("bizproc.workflow.instances"));
        Assert.Equal(0, Requests("batch"));
    }

    [Fact]
    public void Skip_and_First_select_a_window_of_the_full_listing()
    {
        var result = Run(Connect + """
            $all = @(Get-B24Workflow | ForEach-Object { $_.Id })
            $window = @(Get-B24Workflow -Skip 48 -First 5 | ForEach-Object { $_.Id })
            $tail = @(Get-B24Workflow -Skip 115)
            ($window -join ',') -eq (($all[48..52]) -join ',')
            $tail.Count
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, 5], result.Values);
    }

    [Fact]
    public void IncludeTotalCount_with_First_0_asks_the_portal_for_the_count_alone()
    {
        var result = Run(Connect + "Get-B24Workflow -IncludeTotalCount -First 0");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(120UL, Assert.Single(result.Output).BaseObject);
        Assert.Equal(2, Portal.GetStats().TotalRequests); // Connect's user.get, then one listing request
    }

    [Fact]
    public void IncludeTotalCount_writes_the_portal_total_first()
    {
        var result = Run(Connect + "Get-B24Workflow -IncludeTotalCount -First 3");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(4, result.Output.Count);
        Assert.Equal(120UL, result.Output[0].BaseObject);
        Assert.All(result.Output.Skip(1), o => Assert.IsNotType<ulong>(o.BaseObject));
    }

    [Fact]
    public void Filters_by_template_document_and_starter_match_a_client_side_filter()
    {
        var result = Run(Connect + """
            $all = @(Get-B24Workflow)
            $w = $all[7]
            function Same($a, $b) { (@($a | ForEach-Object { $_.Id }) -join ',') -eq (@($b | ForEach-Object { $_.Id }) -join ',') }
            $byTemplate = @(Get-B24Workflow -TemplateId $w.TemplateId)
            Same $byTemplate @($all | Where-Object { $_.TemplateId -eq $w.TemplateId })
            $byTemplate.Count -lt $all.Count
            Same @(Get-B24Workflow -DocumentId $w.DocumentId) @($all | Where-Object { $_.DocumentId -eq $w.DocumentId })
            Same @(Get-B24Workflow -DocumentId $w.ModuleId, $w.Entity, $w.DocumentId) @($all | Where-Object {
                $_.ModuleId -eq $w.ModuleId -and $_.Entity -eq $w.Entity -and $_.DocumentId -eq $w.DocumentId })
            Same @(Get-B24Workflow -StartedBy $w.StartedBy) @($all | Where-Object { $_.StartedBy -eq $w.StartedBy })
            Same @(Get-B24Workflow -Id $w.Id) @($w)
            Same @(Get-B24Workflow -Filter @{ TEMPLATE_ID = $w.TemplateId }) $byTemplate
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, true, true, true, true, true, true], result.Values);
    }

    [Fact]
    public void Progress_shows_rows_of_the_total_and_is_completed_at_the_end()
    {
        var result = Run(Connect + "Get-B24Workflow | ForEach-Object { $_ } | Out-Null");

        Assert.True(result.Succeeded, result.ToString());
        var records = result.Progress.Where(p => p.Activity == "Get-B24Workflow: bizproc.workflow.instances").ToList();
        var statuses = records.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription).ToList();
        Assert.Equal("50 of 120", statuses[0]); // from the first page on, the total is known
        Assert.Equal("120 of 120", statuses[^1]);
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.Equal(100, records[^2].PercentComplete);
    }

    [Fact]
    public void A_document_id_with_two_parts_is_rejected_before_any_request()
    {
        var result = Run(Connect + "Get-B24Workflow -DocumentId crm, LEAD_1");

        var error = Assert.Single(result.Errors);
        Assert.Equal("INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand", error.FullyQualifiedErrorId);
        Assert.Equal("crm,LEAD_1", error.TargetObject);
        Assert.Contains("'crm,LEAD_1' is not a document id", error.Exception.Message);
        Assert.Equal(0, Requests("bizproc.workflow.instances"));
    }

    [Fact]
    public void Output_binds_into_the_next_cmdlet_by_property_name()
    {
        var result = Run(Connect + "Get-B24Workflow -First 2 | Stop-B24Workflow -PassThru -Confirm:$false");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(result.Values.Cast<string>().Order(), Portal.Portal.TerminationCounts().Keys.Order());
    }
}
