using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.OAuth;

namespace Bitrix24.Emulator.Tests;

/// <summary>bizproc.workflow.template.add/update/delete on the wire: application context, administrators,
/// the documented validation errors, the [name, base64] file value, and templates bound to the adding app.</summary>
public sealed class TemplateWriteTests : EmulatorTestBase
{
    /// <summary>A .bpt as the designer exports it: a zlib stream (of a serialized PHP array here).</summary>
    internal static string Bpt()
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes("a:1:{s:8:\"TEMPLATE\";a:0:{}}"));
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static JsonObject Template() => new()
    {
        ["DOCUMENT_TYPE"] = new JsonArray("crm", "CCrmDocumentDeal", "DEAL"),
        ["NAME"] = "App template",
        ["DESCRIPTION"] = "Added by the app",
        ["TEMPLATE_DATA"] = new JsonArray("bp-1.bpt", Bpt()),
        ["AUTO_EXECUTE"] = 3,
    };

    [Fact]
    public async Task Add_update_delete_round_trip_and_the_list_shows_it()
    {
        var app = Server.OAuth.RegisterApp();
        var token = Token(app);
        var added = await CallAsync(token, "bizproc.workflow.template.add", Template());
        var id = (long)added.Result;
        Assert.Equal(5, id);
        var stored = Server.Portal.Template(id)!;
        Assert.Equal(app.App.ClientId, stored.ApplicationId);
        Assert.Equal("crm|CCrmDocumentDeal|DEAL", stored.DocumentType);
        Assert.Equal(3, stored.AutoExecute);
        Assert.Equal("Added by the app", stored.Description);

        var listed = await PostJsonAsync(Admin("bizproc.workflow.template.list"), new { SELECT = new[] { "ID", "NAME", "AUTO_EXECUTE" }, FILTER = new { ID = id } });
        Assert.Equal("App template", (string)listed.Rows[0]!["NAME"]!);

        var updated = await CallAsync(token, "bizproc.workflow.template.update", new JsonObject { ["ID"] = id, ["FIELDS"] = new JsonObject { ["NAME"] = "Renamed", ["AUTO_EXECUTE"] = 0 } });
        Assert.Equal(id, (long)updated.Result);
        Assert.Equal("Renamed", Server.Portal.Template(id)!.Name);
        Assert.Equal("Added by the app", Server.Portal.Template(id)!.Description);

        var deleted = await CallAsync(token, "bizproc.workflow.template.delete", new JsonObject { ["ID"] = id });
        Assert.Equal(200, deleted.Status);
        Assert.Null(deleted.Body["result"]);
        Assert.True(deleted.Body.AsObject().ContainsKey("result"));
        Assert.Null(Server.Portal.Template(id));
    }

    [Fact]
    public async Task Webhooks_are_refused_and_non_administrators_denied()
    {
        AssertError(await PostJsonAsync(Admin("bizproc.workflow.template.add"), Template().ToJsonString()), 403, "ACCESS_DENIED", "Application context required");
        var token = Token(Server.OAuth.RegisterApp(userId: 2));
        AssertError(await CallAsync(token, "bizproc.workflow.template.add", Template()), 403, "ACCESS_DENIED", "Access denied!");
    }

    [Theory]
    [InlineData("DOCUMENT_TYPE", """["crm","CCrmDocumentDeal","LEAD"]""", "Incorrect field DOCUMENT_TYPE!")]
    [InlineData("DOCUMENT_TYPE", """["crm","CCrmDocumentDeal"]""", "Incorrect field DOCUMENT_TYPE!")]
    [InlineData("NAME", "\"  \"", "Empty template name!")]
    [InlineData("AUTO_EXECUTE", "4", "Incorrect field AUTO_EXECUTE!")]
    [InlineData("TEMPLATE_DATA", """["bp.bpt","not base64!"]""", "Incorrect field TEMPLATE_DATA!")]
    [InlineData("TEMPLATE_DATA", """["bp.bpt","aGVsbG8="]""", "Incorrect field TEMPLATE_DATA!")]
    [InlineData("TEMPLATE_DATA", "\"bp.bpt\"", "Incorrect field TEMPLATE_DATA!")]
    public async Task Add_refuses_with_the_documented_validation_error(string field, string value, string description)
    {
        var template = Template();
        template[field] = JsonNode.Parse(value);
        AssertError(await CallAsync(Token(Server.OAuth.RegisterApp()), "bizproc.workflow.template.add", template), 400, "ERROR_TEMPLATE_VALIDATION_FAILURE", description);
        Assert.Null(Server.Portal.Template(5));
    }

    [Fact]
    public async Task Update_and_delete_touch_only_the_applications_own_templates()
    {
        var owner = Token(Server.OAuth.RegisterApp());
        var other = Token(Server.OAuth.RegisterApp());
        var id = (long)(await CallAsync(owner, "bizproc.workflow.template.add", Template())).Result;
        var rename = new JsonObject { ["ID"] = id, ["FIELDS"] = new JsonObject { ["NAME"] = "x" } };

        AssertError(await CallAsync(other, "bizproc.workflow.template.update", rename), 400, "ERROR_TEMPLATE_NOT_OWNER", "You can update ONLY templates created by current application");
        AssertError(await CallAsync(other, "bizproc.workflow.template.delete", new JsonObject { ["ID"] = id }), 400, "ERROR_TEMPLATE_NOT_OWNER");
        AssertError(await CallAsync(owner, "bizproc.workflow.template.update", new JsonObject { ["ID"] = 1, ["FIELDS"] = new JsonObject { ["NAME"] = "x" } }), 400, "ERROR_TEMPLATE_NOT_OWNER");
        AssertError(await CallAsync(owner, "bizproc.workflow.template.update", new JsonObject { ["ID"] = id, ["FIELDS"] = new JsonObject { ["USER_ID"] = 2 } }), 400,
            "ERROR_TEMPLATE_VALIDATION_FAILURE", "No fields to update.");
        AssertError(await CallAsync(owner, "bizproc.workflow.template.update", new JsonObject { ["ID"] = 99, ["FIELDS"] = new JsonObject { ["NAME"] = "x" } }), 400,
            "ERROR_TEMPLATE_NOT_FOUND", "Workflow template not found.");
        AssertError(await CallAsync(owner, "bizproc.workflow.template.update", new JsonObject { ["ID"] = id, ["FIELDS"] = new JsonObject { ["AUTO_EXECUTE"] = "x" } }), 400,
            "ERROR_TEMPLATE_VALIDATION_FAILURE", "Incorrect field AUTO_EXECUTE!");
        AssertError(await CallAsync(owner, "bizproc.workflow.template.delete", new JsonObject { ["ID"] = 99 }), 400, "ERROR_TEMPLATE_NOT_FOUND", "Workflow template not found.");
        Assert.Equal("App template", Server.Portal.Template(id)!.Name);
    }
}
