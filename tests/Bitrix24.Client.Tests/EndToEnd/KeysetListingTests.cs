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

        // Every row still running was listed, exactly once. The terminated unseen ones sit in the second batch,
        // which was already asked for (one batch ahead) when the first page came: they come as they were read.
        var running = Server.Portal.RunningWorkflowIds();
        Assert.Equal(2940, running.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(running, seen.Skip(50).Except(unseenToStop));
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

/// <summary>The pager asks for the next batch while the caller works through the last one (from its second page
/// on); a caller that stops early leaves at most that one batch in flight (cancelled), one that stops within the
/// first page none, and -First never asks ahead past its rows.</summary>
public class KeysetPrefetchTests : EmulatorClientTestBase
{
    protected override EmulatorOptions EmulatorOptions => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 8000 };

    [Fact]
    public async Task The_whole_listing_costs_the_same_requests_with_the_batch_ahead()
    {
        var ids = new List<string>();
        await foreach (var page in Client.ListAsync(WorkflowsApi.List()))
            ids.AddRange(page.Items.Select(w => w.Id));

        Assert.Equal(Server.Portal.RunningWorkflowIds(), ids);
        Assert.Equal(4, Server.GetStats().TotalRequests); // ceil(8000 / 2500)
    }

    [Fact]
    public async Task A_caller_that_stops_within_the_first_page_sends_nothing_ahead()
    {
        await foreach (var page in Client.ListAsync(WorkflowsApi.List()))
            break; // Select-Object -First 5: the listing is disposed before it asks for the second page

        // The first batch only: the batch ahead goes out when the caller comes back for a second page.
        Assert.Equal(1, Server.GetStats().TotalRequests);
        using var other = Connect(Server.WebhookUrl);
        await other.CallAsync("user.current");
        Assert.Equal(2, Server.GetStats().TotalRequests);
    }

    [Fact]
    public async Task A_caller_that_stops_after_the_second_page_leaves_only_the_batch_ahead()
    {
        var pages = 0;
        await foreach (var page in Client.ListAsync(WorkflowsApi.List()))
        {
            if (++pages == 2)
                break; // the batch ahead is out: cancelled and awaited
        }

        // The first batch, and the second one if it got out before the cancellation (the portal may count it a
        // moment later: it was in flight); never a third, not even after another call.
        Assert.InRange(Server.GetStats().TotalRequests, 1, 2);
        using var other = Connect(Server.WebhookUrl);
        await other.CallAsync("user.current");
        Assert.InRange(Server.GetStats().TotalRequests, 2, 3);
    }

    [Theory]
    [InlineData(2500, 1)] // -First 2500: the first batch holds it all, nothing is asked ahead
    [InlineData(2600, 2)] // the second batch asks for the two pages it needs
    public async Task A_row_limit_asks_for_no_batch_past_its_rows(int limit, int requests)
    {
        var rows = 0;
        await foreach (var page in Client.ListAsync(WorkflowsApi.List(), rowLimit: limit))
            rows += page.Items.Count;

        Assert.Equal(limit, rows);
        Assert.Equal(requests, Server.GetStats().TotalRequests);
    }
}
