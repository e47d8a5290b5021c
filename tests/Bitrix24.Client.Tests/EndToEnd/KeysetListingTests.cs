using System.Collections;
using System.Text.Json;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;
using Bitrix24.Emulator;

namespace Bitrix24.Client.Tests.EndToEnd;

public class KeysetListingTests : EmulatorClientTestBase
{
    protected override EmulatorOptions EmulatorOptions => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 3000 };

    [Fact]
    public async Task Three_thousand_workflows_come_back_once_each_in_two_requests()
    {
        var pages = new List<B24Page<Workflow>>();
        await foreach (var page in Client.ListAsync(WorkflowsApi.List()))
            pages.Add(page);

        var ids = pages.SelectMany(p => p.Items).Select(w => w.Id).ToList();
        Assert.Equal(Server.Portal.RunningWorkflowIds(), ids);
        Assert.Equal(3000, pages[0].Total);
        Assert.All(pages.Skip(1), p => Assert.Null(p.Total));
        // ceil(3000 / 2500): the first page and its total come inside the first batch.
        Assert.Equal(2, Server.GetStats().TotalRequests);
        var first = pages[0].Items[0];
        Assert.NotNull(first.TemplateId);
        Assert.NotNull(first.Started);
        Assert.NotNull(first.GetDocument());
    }

    [Fact]
    public async Task The_listing_stays_exact_while_rows_are_terminated_between_pages()
    {
        var unseenToStop = Server.Portal.RunningWorkflowIds().TakeLast(10).ToList();

        var seen = await ListWhileTerminating(Client.ListAsync(WorkflowsApi.List()).Select(p => p.Items.Select(w => w.Id).ToList()), unseenToStop);

        // Every row still running was listed, exactly once; the terminated unseen ones were not.
        var running = Server.Portal.RunningWorkflowIds();
        Assert.Equal(2940, running.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(running, seen.Skip(50));
        Assert.DoesNotContain(unseenToStop[0], seen);
    }

    [Fact]
    public async Task Offset_paging_would_skip_rows_in_the_same_situation()
    {
        var parameters = new Hashtable { ["SELECT"] = new[] { "ID" }, ["ORDER"] = new Hashtable { ["ID"] = "ASC" } };
        var offsetPages = Client.ListAsync(WorkflowsApi.ListMethod, parameters).Select(p => p.Items.Select(r => r.GetProperty("ID").GetString()!).ToList());

        var seen = await ListWhileTerminating(offsetPages, Server.Portal.RunningWorkflowIds().TakeLast(10).ToList());

        var missed = Server.Portal.RunningWorkflowIds().Except(seen).ToList();
        Assert.Equal(50, missed.Count);
    }

    [Fact]
    public async Task A_callers_lower_bound_is_where_the_listing_starts()
    {
        var all = Server.Portal.RunningWorkflowIds();
        var request = new KeysetListRequest(WorkflowsApi.ListMethod)
        {
            Select = new List<string> { "ID" },
            Filter = new Dictionary<string, object?> { [">id"] = all[499] },
        };

        var rows = await Items(Client.ListByKeyAsync(request));

        Assert.Equal(all.Skip(500), rows.Select(r => r.GetProperty("ID").GetString()));
    }

    [Fact]
    public async Task Filters_apply_to_every_page()
    {
        var expected = await Items(Client.ListAsync(WorkflowsApi.List()));
        var ofTemplate = expected.Where(w => w.TemplateId == 2).Select(w => w.Id).ToList();

        var listed = await Items(Client.ListAsync(WorkflowsApi.List(new WorkflowQuery { TemplateId = 2 })));

        Assert.True(ofTemplate.Count > 50, "the seed should spread workflows over templates");
        Assert.Equal(ofTemplate, listed.Select(w => w.Id));
    }

    [Fact]
    public async Task Listing_then_terminating_a_thousand_takes_few_requests_and_no_503_at_portal_limits()
    {
        // The headline scenario at the client level, with the portal's real limits on both sides.
        await using var portal = await EmulatorServer.StartAsync(new EmulatorOptions { SeedWorkflows = 1000 });
        using var client = B24Client.FromWebhook(portal.WebhookUrl);

        var ids = (await Items(client.ListAsync(WorkflowsApi.List()))).Select(w => w.Id).ToList();
        var commands = ids.Select((id, i) => WorkflowsApi.Terminate(id).ToBatchCommand("t" + i)).ToList();
        var outcome = await client.BatchAsync(commands);

        Assert.All(outcome.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        Assert.Empty(portal.Portal.RunningWorkflowIds());
        Assert.All(portal.Portal.TerminationCounts().Values, count => Assert.Equal(1, count));
        Assert.Equal(1000, portal.Portal.TerminationCounts().Count);
        var stats = portal.GetStats();
        Assert.Equal(0, stats.Sent503);
        Assert.InRange(stats.TotalRequests, 21, 23);
    }

    /// <summary>Lists through <paramref name="pages"/>; after the first page, terminates the 50 rows it
    /// showed (shifting every later offset) and <paramref name="unseen"/> rows not listed yet.</summary>
    private async Task<List<string>> ListWhileTerminating(IAsyncEnumerable<List<string>> pages, IReadOnlyList<string> unseen)
    {
        var seen = new List<string>();
        var first = true;
        await foreach (var page in pages)
        {
            seen.AddRange(page);
            if (!first)
                continue;
            first = false;
            using var other = Connect(Server.WebhookUrl);
            var stop = page.Concat(unseen).Select((id, i) => WorkflowsApi.Terminate(id).ToBatchCommand("s" + i)).ToList();
            var outcome = await other.BatchAsync(stop);
            Assert.All(outcome.Items, i => Assert.True(i.Succeeded, i.Error?.Message));
        }
        return seen;
    }
}
