using System.Globalization;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class TemplateAndUserTests : EmulatorTestBase
{
    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, SeedUsers = 70 };

    [Fact]
    public async Task TemplateListSelectsOnlyIdByDefaultInIdOrder()
    {
        var response = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { });

        Assert.Equal(new[] { "1", "2", "3", "4" }, response.Rows.Select(r => (string?)Assert.Single(r!.AsObject()).Value));
        Assert.Equal(4, (int)response.Body["total"]!);
    }

    [Fact]
    public async Task TemplateFieldsAreShapedAsDocumented()
    {
        var fields = new[] { "ID", "MODULE_ID", "ENTITY", "DOCUMENT_TYPE", "AUTO_EXECUTE", "NAME", "TEMPLATE", "PARAMETERS", "VARIABLES", "CONSTANTS", "MODIFIED", "IS_MODIFIED", "USER_ID", "SYSTEM_CODE" };

        var row = (await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { SELECT = fields, FILTER = new { ID = 3 } })).Rows.Single()!;

        Assert.Equal(fields, row.AsObject().Select(p => p.Key));
        Assert.Equal("3", (string?)row["ID"]);
        Assert.Equal("CONTACT", (string?)row["DOCUMENT_TYPE"]);
        Assert.Equal("2", (string?)row["AUTO_EXECUTE"]);
        Assert.Equal("Y", (string?)row["IS_MODIFIED"]);
        Assert.Equal("rest_app_5", (string?)row["SYSTEM_CODE"]);
        Assert.Equal("1", (string?)row["USER_ID"]);
        Assert.IsType<System.Text.Json.Nodes.JsonArray>(row["TEMPLATE"]);
        DateTimeOffset.ParseExact((string)row["MODIFIED"]!, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TemplateFilterTypesNumbersAndOrdersByName()
    {
        var response = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new
        {
            SELECT = new[] { "ID", "NAME" },
            FILTER = new Dictionary<string, object> { ["module_id"] = "crm", ["AUTO_EXECUTE"] = 0, [">=ID"] = "1" },
            ORDER = new { NAME = "DESC" },
        });

        Assert.Equal(new[] { "Lead approval", "Contract signing" }, response.Rows.Select(r => (string?)r!["NAME"]));
    }

    [Fact]
    public async Task UserFieldsAreShapedAsDocumented()
    {
        var user = (await PostJsonAsync(Admin("user.get"), new { ID = 1 })).Rows.Single()!;

        Assert.Equal("1", (string?)user["ID"]);
        Assert.True((bool)user["ACTIVE"]!);
        Assert.Equal("Admin", (string?)user["LAST_NAME"]);
        Assert.Equal("Y", (string?)user["IS_ONLINE"]);
        Assert.Equal(1, (int)user["UF_DEPARTMENT"]!.AsArray().Single()!);
        Assert.Equal("employee", (string?)user["USER_TYPE"]);
    }

    [Fact]
    public async Task UsersPageBy50WithTotal()
    {
        var first = await PostJsonAsync(Admin("user.get"), new { });
        var second = await PostJsonAsync(Admin("user.get"), new { start = (int)first.Body["next"]! });

        Assert.Equal(72, (int)first.Body["total"]!);
        Assert.Equal(50, first.Rows.Count);
        Assert.Equal(22, second.Rows.Count);
        Assert.Null(second.Body["next"]);
        Assert.Equal(Enumerable.Range(1, 72).Select(i => i.ToString(CultureInfo.InvariantCulture)), first.Rows.Concat(second.Rows).Select(r => (string?)r!["ID"]));
    }

    [Fact]
    public async Task UsersSortDescendingAndFilterActive()
    {
        var response = await PostJsonAsync(Admin("user.get"), new { sort = "ID", order = "DESC", FILTER = new { ACTIVE = false } });

        var ids = response.Rows.Select(r => int.Parse((string)r!["ID"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new[] { 70, 60, 50, 40, 30, 20, 10 }, ids);
        Assert.All(response.Rows, r => Assert.False((bool)r!["ACTIVE"]!));
    }

    [Fact]
    public async Task UserQuickSearchFindsByNameOrEmail()
    {
        var byName = await PostJsonAsync(Admin("user.get"), new { FILTER = new { NAME_SEARCH = "bella" } });
        var byEmail = await PostJsonAsync(Admin("user.get"), new { FIND = "admin@example" });

        Assert.Equal("2", (string?)byName.Rows.Single()!["ID"]);
        Assert.Equal("1", (string?)byEmail.Rows.Single()!["ID"]);
    }
}
