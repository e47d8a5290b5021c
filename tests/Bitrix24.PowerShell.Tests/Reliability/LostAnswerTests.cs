using System.Net.Http.Json;
using System.Text;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// A batch of writes whose answer is lost (the connection drops after the portal ran it, or before it ran):
/// the module reads before deciding, so every item ends done — none reported, none run twice.
/// </summary>
public sealed class LostAnswerTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 500, SeedBizprocTasks = 120 });

    private void Fault(string rule)
    {
        using var http = new HttpClient { BaseAddress = Portal.BaseUrl };
        using var response = http.PostAsync("/emulator/faults", new StringContent(rule, Encoding.UTF8, "application/json")).Result;
        Assert.True(response.IsSuccessStatusCode, response.Content.ReadAsStringAsync().Result);
    }

    private long Fired() => Portal.GetStats().FaultsFired;

    [Theory]
    [InlineData("after")]    // ran, then the connection dropped
    [InlineData("before")]   // dropped before it ran
    public void Terminates_whose_answer_was_lost_are_each_done_exactly_once(string when)
    {
        // Batch request 1 is the listing; 3 is the second batch of terminates.
        var running = Portal.Portal.RunningWorkflowIds().Count;   // 500, and the 120 waiting on approvals
        Fault("{\"method\":\"batch\",\"nth\":3,\"when\":\"" + when + "\",\"abort\":true}");

        var result = Run(Connect + "Get-B24Workflow | Stop-B24Workflow -Confirm:$false -PassThru | Measure-Object | ForEach-Object Count");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, Fired());
        Assert.Equal(running, Assert.IsType<int>(Assert.Single(result.Values)));
        Assert.Empty(Portal.Portal.RunningWorkflowIds());
        Assert.Equal(running, Portal.Portal.TerminationCounts().Count);
        Assert.All(Portal.Portal.TerminationCounts().Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Completions_whose_answer_was_lost_are_each_done_exactly_once()
    {
        Fault("{\"method\":\"batch\",\"nth\":2,\"when\":\"after\",\"abort\":true}");

        var result = Run(Connect + "Get-B24BizprocTask -Status Running | Complete-B24BizprocTask -Status Approved -Confirm:$false -PassThru | Measure-Object | ForEach-Object Count");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, Fired());
        Assert.Equal(120, Assert.IsType<int>(Assert.Single(result.Values)));
        Assert.Empty(Portal.Portal.RunningTaskIds());
        Assert.All(Portal.Portal.TaskCompletions().Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [InlineData("after")]
    [InlineData("before")]
    public void Tasks_created_in_a_batch_whose_answer_was_lost_exist_once_each(string when)
    {
        Fault("{\"method\":\"batch\",\"nth\":2,\"when\":\"" + when + "\",\"abort\":true}");

        var result = Run(Connect + """
            1..120 | ForEach-Object { [pscustomobject]@{ Title = "Lost $_"; ResponsibleId = 1 } } | Add-B24Task | ForEach-Object Title
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, Fired());
        Assert.Equal(Enumerable.Range(1, 120).Select(i => "Lost " + i), result.Values.Cast<string>());
        Assert.Equal(120, Portal.Portal.TaskIds().Count);
    }

    [Theory]
    [InlineData("after", 50)]    // the first batch of creates ran: its flows exist, their ids are unknown
    [InlineData("before", 0)]    // it did not run: sent again once
    public void Flows_created_in_a_batch_whose_answer_was_lost_are_created_once_each(string when, int idUnknown)
    {
        Fault("{\"method\":\"batch\",\"nth\":1,\"when\":\"" + when + "\",\"abort\":true}");

        var result = Run(Connect + """
            1..60 | ForEach-Object { [pscustomobject]@{ Name = "Lost $_" } } |
                New-B24Flow -PlannedCompletionTime 3600 -Responsible 1 -ErrorVariable failed -ErrorAction SilentlyContinue | ForEach-Object Name
            $failed | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject }
            """);

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(1, Fired());
        var stats = Portal.GetStats();
        Log.WriteLine($"flows {when}: written {60 - idUnknown}, id unknown {idUnknown}, creates sent {stats.CallsByMethod["tasks.flow.flow.create"]}, ran {stats.WritesByMethod["tasks.flow.flow.create"]}");
        // Each name created once: no create was refused as a duplicate name, none is missing.
        Assert.Equal(60, Portal.Portal.FlowIds().Count);
        Assert.Equal(60, stats.WritesByMethod["tasks.flow.flow.create"]);
        Assert.Equal(60, stats.CallsByMethod["tasks.flow.flow.create"]);
        var lines = result.Values.Cast<string>().ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => i <= idUnknown ? "FLOW_EXISTS_ID_UNKNOWN Lost " + i : "Lost " + i).OrderBy(x => x, StringComparer.Ordinal),
            lines.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("after")]
    [InlineData("before")]
    public void Flow_deletes_whose_answer_was_lost_are_each_done(string when)
    {
        var ids = Portal.Portal.SeedFlows(60);
        Fault("{\"method\":\"batch\",\"nth\":1,\"when\":\"" + when + "\",\"abort\":true}");

        var result = Run(Connect + "$ids | Remove-B24Flow -Force", new { ids = ids.ToArray() });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, Fired());
        Assert.Empty(Portal.Portal.FlowIds().Intersect(ids));
        Assert.Equal(60, Portal.GetStats().WritesByMethod["tasks.flow.flow.delete"]);
    }

    [Fact]
    public void A_write_without_a_way_to_check_stays_outcome_unknown()
    {
        // Starting a workflow leaves nothing a read could find it by.
        Fault("{\"method\":\"batch\",\"when\":\"after\",\"abort\":true}");

        var result = Run(Connect + "Start-B24Workflow -TemplateId 1 -DocumentId crm, CCrmDocumentLead, LEAD_1 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("OUTCOME_UNKNOWN,", error.FullyQualifiedErrorId);
    }
}
