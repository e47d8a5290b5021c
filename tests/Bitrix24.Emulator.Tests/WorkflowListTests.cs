using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class WorkflowListTests : EmulatorTestBase
{
    private const int Seeded = 120;

    private static readonly string[] AllFields = { "ID", "MODIFIED", "OWNED_UNTIL", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED", "STARTED_BY", "TEMPLATE_ID" };

    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = Seeded };

    private string Instances => Admin("bizproc.workflow.instances");

    [Fact]
    public async Task DefaultSelectIsIdModifiedOwnedUntilNewestFirst()
    {
        var response = await PostJsonAsync(Instances, new { });

        Assert.Equal(200, response.Status);
        Assert.All(response.Rows, row => Assert.Equal(new[] { "ID", "MODIFIED", "OWNED_UNTIL" }, row!.AsObject().Select(p => p.Key)));
        var modified = response.Rows.Select(r => DateTimeOffset.Parse((string)r!["MODIFIED"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(modified.OrderByDescending(m => m), modified);
    }

    [Fact]
    public async Task FieldsAreTypedAsTheDocsExample()
    {
        var row = (await PostJsonAsync(Instances, new { SELECT = AllFields })).Rows[0]!.AsObject();

        Assert.Equal(AllFields, row.Select(p => p.Key));
        Assert.Matches(@"^[0-9a-f]{14}\.[0-9]{8}$", (string?)row["ID"]);
        Assert.Matches(@"^[0-9]+$", (string?)row["TEMPLATE_ID"]);
        Assert.Matches(@"^[0-9]+$", (string?)row["STARTED_BY"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", (string?)row["STARTED"]);
        Assert.Equal("crm", (string?)row["MODULE_ID"]);
        Assert.StartsWith("CCrmDocument", (string?)row["ENTITY"]);
    }

    [Fact]
    public async Task PagesCarryNextAndTotalUntilTheLast()
    {
        var first = await PostJsonAsync(Instances, new { start = 0 });
        var last = await PostJsonAsync(Instances, new { start = 100 });

        Assert.Equal(50, first.Rows.Count);
        Assert.Equal(50, (int)first.Body["next"]!);
        Assert.Equal(Seeded, (int)first.Body["total"]!);
        Assert.Equal(Seeded - 100, last.Rows.Count);
        Assert.Null(last.Body["next"]);
        Assert.Equal(Seeded, (int)last.Body["total"]!);
    }

    [Fact]
    public async Task StartMinusOneSkipsTheCountTotalZeroAndNoNext()
    {
        // settings__performance__huge-data.md: the uncounted answer carries "total": 0 and no "next".
        var response = await PostJsonAsync(Instances, new { start = -1 });

        Assert.Equal(50, response.Rows.Count);
        Assert.Equal(0, (int)response.Body["total"]!);
        Assert.False(response.Body.AsObject().ContainsKey("next"));
    }

    [Fact]
    public async Task AliasInstanceListAnswersTheSame()
    {
        var request = new { SELECT = AllFields, ORDER = new { ID = "ASC" }, start = 50 };

        var instances = await PostJsonAsync(Instances, request);
        var alias = await PostJsonAsync(Admin("bizproc.workflow.instance.list"), request);

        Assert.Equal(200, alias.Status);
        Assert.Equal(instances.Body["result"]!.ToJsonString(), alias.Body["result"]!.ToJsonString());
        Assert.Equal((int)instances.Body["total"]!, (int)alias.Body["total"]!);
    }

    [Fact]
    public async Task IdsAreNotInCreationOrderButListOrdinally()
    {
        var created = Server.Portal.SeedWorkflows(30);
        var listed = (await AllInstancesAsync("ID")).Select(r => (string)r["ID"]!).ToList();

        Assert.NotEqual(created.OrderBy(id => id, StringComparer.Ordinal), created);
        Assert.Equal(listed.OrderBy(id => id, StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task GreaterThanIdComparesAsStrings()
    {
        var ids = Server.Portal.RunningWorkflowIds(); // ordinal order
        var bound = ids[49];

        var response = await PostJsonAsync(Instances, new { SELECT = new[] { "ID" }, FILTER = new Dictionary<string, object> { [">ID"] = bound }, ORDER = new { ID = "ASC" }, start = -1 });

        Assert.Equal(ids.Skip(50).Take(50), response.Rows.Select(r => (string)r!["ID"]!));
    }

    [Theory]
    [InlineData("TEMPLATE_ID", "=")]
    [InlineData("TEMPLATE_ID", "")]
    [InlineData("template_id", "!")]
    [InlineData("TEMPLATE_ID", "!=")]
    [InlineData("TEMPLATE_ID", "<")]
    [InlineData("TEMPLATE_ID", "<=")]
    [InlineData("TEMPLATE_ID", ">")]
    [InlineData("Template_Id", ">=")]
    public async Task FilterPrefixesCompareTemplateIdAsNumber(string field, string prefix)
    {
        var all = await AllInstancesAsync("ID", "TEMPLATE_ID");
        Func<long, bool> expected = prefix switch
        {
            "" or "=" => t => t == 2,
            "!" or "!=" => t => t != 2,
            "<" => t => t < 2,
            "<=" => t => t <= 2,
            ">" => t => t > 2,
            _ => t => t >= 2,
        };

        var response = await PostJsonAsync(Instances, new { SELECT = new[] { "ID" }, FILTER = new Dictionary<string, object> { [prefix + field] = "2" } });

        Assert.Equal(200, response.Status);
        Assert.Equal(all.Count(r => expected(long.Parse((string)r["TEMPLATE_ID"]!, CultureInfo.InvariantCulture))), (int)response.Body["total"]!);
    }

    [Fact]
    public async Task NumericFieldsDoNotCompareAsText()
    {
        // As text "3" > "10"; as numbers every template id is below 10.
        var response = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { ["<TEMPLATE_ID"] = "10" } });

        Assert.Equal(Seeded, (int)response.Body["total"]!);
    }

    [Fact]
    public async Task DatesCompareAsInstantsWhateverTheOffset()
    {
        var all = await AllInstancesAsync("ID", "STARTED");
        var pivot = DateTimeOffset.Parse((string)all[17]["STARTED"]!, CultureInfo.InvariantCulture);
        var inUtc = pivot.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

        var response = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { [">=STARTED"] = inUtc } });

        Assert.Equal(all.Count(r => DateTimeOffset.Parse((string)r["STARTED"]!, CultureInfo.InvariantCulture) >= pivot), (int)response.Body["total"]!);
    }

    [Fact]
    public async Task ArrayValueMeansInForEqualityAndNothingForComparisons()
    {
        var ids = Server.Portal.RunningWorkflowIds();

        var inList = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { ["ID"] = new[] { ids[3], ids[7] } } });
        var notInList = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { ["!ID"] = new[] { ids[3], ids[7] } } });
        var compared = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { [">ID"] = new[] { ids[3] } } });

        Assert.Equal(2, (int)inList.Body["total"]!);
        Assert.Equal(Seeded - 2, (int)notInList.Body["total"]!);
        Assert.Equal(0, (int)compared.Body["total"]!);
    }

    [Fact]
    public async Task UnsupportedFilterOperationIsAnError()
    {
        var response = await PostJsonAsync(Instances, new { FILTER = new Dictionary<string, object> { ["%DOCUMENT_ID"] = "LEAD" } });

        AssertError(response, 400, "", "Filter operation not allowed: %");
    }

    [Fact]
    public async Task OrderBySeveralFieldsAndDirections()
    {
        var response = await PostJsonAsync(Instances, new { SELECT = new[] { "ID", "TEMPLATE_ID" }, ORDER = new { TEMPLATE_ID = "desc", ID = "asc" } });

        var rows = response.Rows.Select(r => (Template: int.Parse((string)r!["TEMPLATE_ID"]!, CultureInfo.InvariantCulture), Id: (string)r["ID"]!)).ToList();
        var expected = rows.OrderByDescending(r => r.Template).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal(3, rows[0].Template);
    }

    [Fact]
    public async Task RunningWorkflowsMatchThePortalState()
    {
        var listed = (await AllInstancesAsync("ID")).Select(r => (string)r["ID"]!);

        Assert.Equal(Server.Portal.RunningWorkflowIds(), listed);
    }

    [Fact]
    public async Task OrderOnAnUnknownFieldFallsBackToTheDefault()
    {
        var response = await PostJsonAsync(Instances, new { ORDER = new { NOPE = "asc" }, SELECT = new[] { "NOPE", "MODIFIED" } });

        Assert.Equal(200, response.Status);
        Assert.Equal(new[] { "MODIFIED" }, response.Rows[0]!.AsObject().Select(p => p.Key));
        var modified = response.Rows.Select(r => (string)r!["MODIFIED"]!).Select(m => DateTimeOffset.Parse(m, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(modified.OrderByDescending(m => m), modified);
    }
}
