using System.Collections;
using System.Text.Json;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class PagingTests
{
    private static string Key(int i) => "id" + i.ToString("D4");

    /// <summary>Rows [from, to) as JSON, keyed id0000, id0001… (string order = numeric order).</summary>
    private static string Rows(int from, int to)
        => "[" + string.Join(",", Enumerable.Range(from, Math.Max(0, to - from)).Select(i => "{\"ID\":\"" + Key(i) + "\"}")) + "]";

    private static HttpResponseMessage BatchOf(params (string Key, string Json)[] pages) => FirstBatch(null, pages);

    /// <summary>A batch answer whose p0 was counted (<paramref name="total"/> in result_total), as a listing's first batch.</summary>
    private static HttpResponseMessage FirstBatch(int? total, params (string Key, string Json)[] pages)
        => Responses.Result("{\"result\":{" + string.Join(",", pages.Where(p => !p.Json.StartsWith("{\"error")).Select(p => "\"" + p.Key + "\":" + p.Json))
            + "},\"result_error\":{" + string.Join(",", pages.Where(p => p.Json.StartsWith("{\"error")).Select(p => "\"" + p.Key + "\":" + p.Json))
            + "},\"result_total\":{" + (total is int t ? "\"p0\":" + t : "") + "}}");

    private static string Command(RecordedRequest request, string key) => request.DecodedCommands().Single(c => c.Key == key).Value;

    private static async Task<List<B24Page<T>>> All<T>(IAsyncEnumerable<B24Page<T>> pages)
    {
        var list = new List<B24Page<T>>();
        await foreach (var page in pages)
            list.Add(page);
        return list;
    }

    private static KeysetListRequest Request(IDictionary<string, object?>? filter = null) => new("bizproc.workflow.instances")
    {
        Select = new List<string> { "ID" },
        Filter = filter ?? new Dictionary<string, object?> { ["TEMPLATE_ID"] = 3 },
    };

    [Fact]
    public async Task Offset_paging_follows_next_and_reports_the_total_once()
    {
        var handler = MockHandler.Sequence(
            () => Responses.Result(Rows(0, 50), total: 120, next: 50),
            () => Responses.Result(Rows(50, 100), total: 120, next: 100),
            () => Responses.Result(Rows(100, 120), total: 120));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListAsync("user.get", new Hashtable { ["FILTER"] = new Hashtable { ["ACTIVE"] = true } }));

        Assert.Equal(new[] { 50, 50, 20 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new int?[] { 120, null, null }, pages.Select(p => p.Total));
        Assert.Equal(new[] { 0, 50, 100 }, handler.Requests.Select(r => r.Json.GetProperty("start").GetInt32()));
        Assert.All(handler.Requests, r => Assert.True(r.Json.GetProperty("FILTER").GetProperty("ACTIVE").GetBoolean()));
    }

    [Fact]
    public async Task Offset_paging_refuses_a_next_that_does_not_advance()
    {
        var handler = MockHandler.Sequence(() => Responses.Result(Rows(0, 50), total: 120, next: 0));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => All(client.ListAsync("user.get")));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
    }

    [Fact]
    public async Task Keyset_paging_opens_its_first_batch_with_the_counted_first_page_and_chains_the_rest()
    {
        var handler = MockHandler.Sequence(
            () => FirstBatch(120, ("p0", Rows(0, 50)), ("p1", Rows(50, 100)), ("p2", Rows(100, 120)), ("p3", "[]")));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(50, request.DecodedCommands().Count);
        Assert.Equal("bizproc.workflow.instances?SELECT[0]=ID&ORDER[ID]=ASC&FILTER[TEMPLATE_ID]=3&start=0", Command(request, "p0"));
        Assert.Equal("bizproc.workflow.instances?SELECT[0]=ID&ORDER[ID]=ASC&FILTER[TEMPLATE_ID]=3&FILTER[>ID]=$result[p0][49][ID]&start=-1", Command(request, "p1"));
        Assert.Equal("bizproc.workflow.instances?SELECT[0]=ID&ORDER[ID]=ASC&FILTER[TEMPLATE_ID]=3&FILTER[>ID]=$result[p48][49][ID]&start=-1", Command(request, "p49"));
        Assert.Equal(1, request.Json.GetProperty("halt").GetInt32());
        Assert.Equal(new[] { 50, 50, 20 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new int?[] { 120, null, null }, pages.Select(p => p.Total));
        Assert.Equal(Enumerable.Range(0, 120).Select(Key), pages.SelectMany(p => p.Items).Select(r => r.GetProperty("ID").GetString()));
    }

    [Fact]
    public async Task A_listing_beyond_one_batch_goes_on_from_its_last_key_with_as_many_pages_as_the_total_needs()
    {
        var first = Enumerable.Range(0, 50).Select(i => ("p" + i, Rows(i * 50, i * 50 + 50))).ToArray();
        var handler = MockHandler.Sequence(
            () => FirstBatch(2600, first),
            () => BatchOf(("p0", Rows(2500, 2550)), ("p1", Rows(2550, 2600)), ("p2", "[]")));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(3, handler.Requests[1].DecodedCommands().Count);   // 100 rows left: two pages and one to see the end
        Assert.Contains("FILTER[>ID]=id2499&start=-1", Command(handler.Requests[1], "p0"));
        Assert.Equal(2600, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public async Task A_total_that_is_a_multiple_of_the_page_size_ends_on_the_count()
    {
        var handler = MockHandler.Sequence(() => FirstBatch(100, ("p0", Rows(0, 50)), ("p1", Rows(50, 100)), ("p2", "[]")));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Single(handler.Requests);
        Assert.Equal(100, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public async Task A_first_page_that_holds_everything_ends_the_listing()
    {
        var handler = MockHandler.Sequence(() => FirstBatch(50, ("p0", Rows(0, 50)), ("p1", Rows(0, 50))));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Single(handler.Requests);
        Assert.Equal(50, Assert.Single(pages).Items.Count);
    }

    [Fact]
    public async Task A_row_limit_of_one_page_is_a_plain_call_and_a_larger_one_asks_only_the_pages_it_needs()
    {
        var handler = MockHandler.Sequence(
            () => Responses.Result(Rows(0, 50), total: 500),
            () => FirstBatch(500, ("p0", Rows(0, 50)), ("p1", Rows(50, 100)), ("p2", Rows(100, 150))));
        using var client = TestClients.Create(handler);

        await foreach (var _ in client.ListAsync(WorkflowsApi.List(), rowLimit: 5)) break;
        var rows = 0;
        await foreach (var page in client.ListAsync(WorkflowsApi.List(), rowLimit: 120))
        {
            rows += page.Items.Count;
            if (rows >= 120)
                break;   // as a cmdlet's -First does
        }

        Assert.Equal(0, handler.Requests[0].Json.GetProperty("start").GetInt32());
        Assert.Equal(3, handler.Requests[1].DecodedCommands().Count);
    }

    [Fact]
    public async Task Pages_after_the_first_short_one_are_ignored_even_when_they_failed()
    {
        // The total promised more rows than there are (rows vanished): p2 is short, p3 and p4 are chained to nothing.
        var handler = MockHandler.Sequence(
            () => FirstBatch(200, ("p0", Rows(0, 50)), ("p1", Rows(50, 100)), ("p2", Rows(100, 110)),
                ("p3", "{\"error\":\"INVALID_FILTER\",\"error_description\":\"bad\"}"), ("p4", Rows(0, 50))));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Single(handler.Requests);
        Assert.Equal(Enumerable.Range(0, 110).Select(Key), pages.SelectMany(p => p.Items).Select(r => r.GetProperty("ID").GetString()));
    }

    [Fact]
    public async Task Ten_thousand_rows_take_four_requests()
    {
        (string, string)[] Batch(int from) => Enumerable.Range(0, 50).Select(i => ("p" + i, Rows(from + i * 50, from + i * 50 + 50))).ToArray();
        var handler = MockHandler.Sequence(
            () => FirstBatch(10_000, Batch(0)), () => BatchOf(Batch(2500)), () => BatchOf(Batch(5000)), () => BatchOf(Batch(7500)),
            () => BatchOf(("p0", "[]")));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Equal(10_000, pages.Sum(p => p.Items.Count));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Full_pages_past_the_count_go_on_within_a_batch_and_a_batch_ending_on_the_count_ends_the_listing()
    {
        // Rows were added after the count (60): the batch's pages still bring them; its last page, full with the
        // count used up, ends the listing without another request.
        var first = Enumerable.Range(0, 50).Select(i => ("p" + i, Rows(i * 50, i * 50 + 50))).ToArray();
        var handler = MockHandler.Sequence(() => FirstBatch(60, first), () => Responses.Result(Rows(2500, 2501)));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListByKeyAsync(Request()));

        Assert.Single(handler.Requests);
        Assert.Equal(2500, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public async Task A_failed_page_before_the_end_throws_its_error()
    {
        var handler = MockHandler.Sequence(
            () => FirstBatch(120, ("p0", Rows(0, 50)), ("p1", "{\"error\":\"ACCESS_DENIED\",\"error_description\":\"Access denied!\"}")));
        using var client = TestClients.Create(handler);
        var seen = 0;

        var error = await Assert.ThrowsAsync<B24Exception>(async () =>
        {
            await foreach (var page in client.ListByKeyAsync(Request()))
                seen += page.Items.Count;
        });

        Assert.Equal("ACCESS_DENIED", error.Code);
        Assert.Equal("bizproc.workflow.instances", error.Method);
        Assert.Equal(50, seen);
    }

    [Fact]
    public async Task A_callers_lower_bound_starts_the_listing_and_is_then_replaced()
    {
        var handler = MockHandler.Sequence(() => FirstBatch(60, ("p0", Rows(11, 61)), ("p1", Rows(61, 71))));
        using var client = TestClients.Create(handler);

        await All(client.ListByKeyAsync(Request(new Dictionary<string, object?> { [">=id"] = Key(11), ["<ID"] = "id9999" })));

        var request = Assert.Single(handler.Requests);
        Assert.Contains("FILTER[>=id]=" + Key(11) + "&", Command(request, "p0"));
        var second = Command(request, "p1");
        Assert.Contains("FILTER[<ID]=id9999&FILTER[>ID]=$result[p0][49][ID]&", second);
        Assert.DoesNotContain(">=id", second);
    }

    [Fact]
    public async Task The_pager_owns_order_filter_and_start_whatever_their_case()
    {
        var handler = MockHandler.Sequence(() => Responses.Result(Rows(0, 3), total: 3));
        using var client = TestClients.Create(handler);
        var request = new KeysetListRequest("bizproc.workflow.instances")
        {
            Select = new List<string> { "STARTED" },
            Extra = new Dictionary<string, object?> { ["order"] = new Hashtable { ["STARTED"] = "DESC" }, ["START"] = 100, ["select"] = "x", ["other"] = 1 },
        };

        await foreach (var _ in client.ListAsync(B24ListOperation<JsonElement>.ByKey(request, r => r), rowLimit: 1)) { }

        Assert.Equal("{\"other\":1,\"SELECT\":[\"STARTED\",\"ID\"],\"ORDER\":{\"ID\":\"ASC\"},\"FILTER\":{},\"start\":0}", handler.Requests[0].Body);
    }

    [Fact]
    public async Task Workflows_list_selects_every_field_filters_and_maps_models()
    {
        var handler = MockHandler.Sequence(() => Responses.Result(
            "[{\"ID\":\"66e412fdc9bd44.36306599\",\"TEMPLATE_ID\":\"7\",\"STARTED_BY\":\"1\",\"MODULE_ID\":\"crm\",\"ENTITY\":\"CCrmDocumentLead\",\"DOCUMENT_ID\":\"LEAD_1\"}]",
            total: 1));
        using var client = TestClients.Create(handler);

        // One page asked for: a plain call, whose JSON body is easy to read.
        var pages = await All(client.ListAsync(WorkflowsApi.List(new WorkflowQuery { TemplateId = 7, DocumentId = "crm|CCrmDocumentLead|LEAD_1", StartedBy = 1, Filter = new Dictionary<string, object?> { ["<STARTED"] = "2024-01-01" } }), rowLimit: 1));

        var body = handler.Requests[0].Json;
        Assert.Equal(WorkflowsApi.AllFields, body.GetProperty("SELECT").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("{\"TEMPLATE_ID\":7,\"STARTED_BY\":1,\"MODULE_ID\":\"crm\",\"ENTITY\":\"CCrmDocumentLead\",\"DOCUMENT_ID\":\"LEAD_1\",\"<STARTED\":\"2024-01-01\"}",
            body.GetProperty("FILTER").GetRawText());
        var workflow = Assert.Single(Assert.Single(pages).Items);
        Assert.Equal("66e412fdc9bd44.36306599", workflow.Id);
        Assert.Equal(7, workflow.TemplateId);
        Assert.Equal(new Models.DocumentId("crm", "CCrmDocumentLead", "LEAD_1"), workflow.GetDocument());
        Assert.Equal(1, pages[0].Total);
    }

    [Fact]
    public async Task Users_list_uses_sort_order_and_filter()
    {
        var handler = MockHandler.Sequence(() => Responses.Result("[{\"ID\":\"1\",\"NAME\":\"Ivan\",\"ACTIVE\":true}]", total: 1));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListAsync(UsersApi.List(new UserQuery { Active = true, Search = "Iv" })));

        Assert.Equal("{\"sort\":\"ID\",\"order\":\"ASC\",\"FILTER\":{\"ACTIVE\":true,\"NAME_SEARCH\":\"Iv\"},\"start\":0}", handler.Requests[0].Body);
        Assert.Equal("Ivan", Assert.Single(Assert.Single(pages).Items).Name);
    }

    [Fact]
    public async Task Templates_list_selects_the_default_fields_plus_extras()
    {
        var handler = MockHandler.Sequence(() => Responses.Result("[{\"ID\":\"525\",\"NAME\":\"Display Time\",\"PARAMETERS\":{\"p\":{\"Type\":\"string\"}}}]", total: 1));
        using var client = TestClients.Create(handler);

        var pages = await All(client.ListAsync(WorkflowTemplatesApi.List(new WorkflowTemplateQuery { ModuleId = "crm" }, new[] { "PARAMETERS", "name" })));

        var body = handler.Requests[0].Json;
        Assert.Equal(WorkflowTemplatesApi.DefaultFields.Append("PARAMETERS"), body.GetProperty("SELECT").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("{\"MODULE_ID\":\"crm\"}", body.GetProperty("FILTER").GetRawText());
        var template = Assert.Single(Assert.Single(pages).Items);
        Assert.Equal(525, template.Id);
        Assert.IsType<Dictionary<string, object?>>(template.GetAdditionalFields()["PARAMETERS"]);
    }
}
