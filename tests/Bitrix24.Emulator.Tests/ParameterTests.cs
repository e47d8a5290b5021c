using System.Text;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class ParameterTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedWorkflows = 400 };

    [Fact]
    public async Task JsonBody()
        => AssertOnlyUser2(await PostJsonAsync(Admin("user.get"), new { FILTER = new { ID = 2 }, select = new[] { "ID", "EMAIL" } }));

    [Fact]
    public async Task FormBody()
        => AssertOnlyUser2(await PostFormAsync(Admin("user.get"), "FILTER%5BID%5D=2&select[]=ID&select[]=EMAIL"));

    [Fact]
    public async Task GetQueryWithRawOrEncodedBrackets()
    {
        AssertOnlyUser2(await GetAsync(Admin("user.get?FILTER[ID]=2&select[0]=ID&select[1]=EMAIL")));
        AssertOnlyUser2(await GetAsync(Admin("user.get?FILTER%5BID%5D=2&select%5B0%5D=ID&select%5B1%5D=EMAIL")));
    }

    [Fact]
    public async Task MultipartBody()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2"), "FILTER[ID]" },
            { new StringContent("ID"), "select[]" },
            { new StringContent("EMAIL"), "select[]" },
        };
        AssertOnlyUser2(await ReadAsync(await Http.PostAsync(Admin("user.get"), form)));
    }

    [Fact]
    public async Task QueryStringMergesWithBodyAndBodyWins()
    {
        // select comes only from the query string, FILTER from both: the body's wins.
        var response = await PostJsonAsync(Admin("user.get?select[]=ID&select[]=EMAIL&FILTER[ID]=1"), new { FILTER = new { ID = 2 } });

        AssertOnlyUser2(response);
    }

    [Fact]
    public async Task TopLevelNamesAreCaseInsensitive()
    {
        var response = await PostJsonAsync(Admin("bizproc.workflow.instances"), new { select = new[] { "template_id" }, Filter = new { template_id = 1 }, order = new { id = "asc" } });

        Assert.Equal(200, response.Status);
        Assert.NotEmpty(response.Rows);
        Assert.All(response.Rows, row => Assert.Equal("1", (string?)row!["TEMPLATE_ID"]));
    }

    [Fact]
    public async Task UnknownParametersAreIgnored()
    {
        var plain = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { });
        var extra = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { NO_SUCH_PARAMETER = 1, another = new { x = 1 } });

        Assert.Equal(200, extra.Status);
        Assert.Equal(plain.Rows.ToJsonString(), extra.Rows.ToJsonString());
    }

    [Fact]
    public async Task RepeatedJsonKeyKeepsTheLastValueAsJsonDecodeDoes()
        => AssertOnlyUser2(await PostJsonAsync(Admin("user.get"), "{\"FILTER\":{\"ID\":1,\"ID\":2},\"select\":[\"ID\",\"EMAIL\"]}"));

    [Fact]
    public async Task InvalidJsonBodyIsRejected()
        => AssertError(await PostJsonAsync(Admin("user.get"), "{\"FILTER\":"), 400, "INVALID_REQUEST");

    [Fact]
    public async Task QueryStringsLongerThan8KbAreServed()
    {
        var ids = Server.Portal.RunningWorkflowIds().Take(300).ToList();
        var query = new StringBuilder("bizproc.workflow.instances?SELECT[]=ID");
        for (var i = 0; i < ids.Count; i++)
            query.Append("&FILTER[ID][").Append(i).Append("]=").Append(ids[i]);
        Assert.True(query.Length > 8 * 1024);

        var response = await GetAsync(Admin(query.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(300, (int)response.Body["total"]!);
    }

    private static void AssertOnlyUser2(WireResponse response)
    {
        Assert.Equal(200, response.Status);
        var user = Assert.Single(response.Rows)!.AsObject();
        Assert.Equal(new[] { "ID", "EMAIL" }, user.Select(p => p.Key));
        Assert.Equal("employee@example.com", (string?)user["EMAIL"]);
    }
}
