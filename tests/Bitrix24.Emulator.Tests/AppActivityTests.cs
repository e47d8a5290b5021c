using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.OAuth;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// bizproc.robot.* and bizproc.activity.* on the wire: application context only, administrators only, the
/// documented validation errors (HTTP 400), codes per application, and update/delete of what exists.
/// </summary>
public sealed class AppActivityTests : EmulatorTestBase
{
    private static JsonObject Robot(string code) => new()
    {
        ["CODE"] = code,
        ["HANDLER"] = "https://app.example.com/handler",
        ["NAME"] = new JsonObject { ["en"] = "Send SMS", ["de"] = "SMS senden" },
        ["PROPERTIES"] = new JsonObject { ["phone"] = new JsonObject { ["Name"] = "Phone", ["Type"] = "string", ["Required"] = "Y" } },
    };

    [Theory]
    [InlineData("bizproc.robot")]
    [InlineData("bizproc.activity")]
    public async Task A_webhook_gets_access_denied_application_context_required(string prefix)
    {
        foreach (var method in new[] { ".add", ".update", ".list", ".delete" })
        {
            var response = await PostJsonAsync(Admin(prefix + method), Robot("r1").ToJsonString());
            AssertError(response, 403, "ACCESS_DENIED", "Application context required");
        }
    }

    [Theory]
    [InlineData("bizproc.robot")]
    [InlineData("bizproc.activity")]
    public async Task A_non_administrators_application_gets_access_denied(string prefix)
    {
        var token = Token(Server.OAuth.RegisterApp(userId: 2));
        AssertError(await CallAsync(token, prefix + ".list", new JsonObject()), 403, "ACCESS_DENIED", "Access denied!");
    }

    [Theory]
    [InlineData("bizproc.robot")]
    [InlineData("bizproc.activity")]
    public async Task Add_list_update_delete_round_trip_per_application(string prefix)
    {
        var app = Server.OAuth.RegisterApp();
        var other = Server.OAuth.RegisterApp();
        var token = Token(app);

        Assert.True((bool)(await CallAsync(token, prefix + ".add", Robot("send_sms"))).Result);
        Assert.True((bool)(await CallAsync(Token(other), prefix + ".add", Robot("send_sms"))).Result); // same code, other app
        AssertError(await CallAsync(token, prefix + ".add", Robot("send_sms")), 400, "ERROR_ACTIVITY_ALREADY_INSTALLED");
        Assert.Equal(["send_sms"], (await CallAsync(token, prefix + ".list", new JsonObject())).Rows.Select(r => (string)r!));

        var update = await CallAsync(token, prefix + ".update", new JsonObject
        {
            ["CODE"] = "send_sms",
            ["FIELDS"] = new JsonObject { ["HANDLER"] = "https://app.example.com/v2", ["USE_SUBSCRIPTION"] = "N" },
        });
        Assert.True((bool)update.Result);
        var stored = Server.Portal.AppActivityFields(app.App.ClientId, "send_sms")!;
        Assert.Equal("https://app.example.com/v2", (string)stored["HANDLER"]!);
        Assert.Equal("N", (string)stored["USE_SUBSCRIPTION"]!);
        Assert.Equal("Send SMS", (string)stored["NAME"]!["en"]!);         // language ids kept as given
        Assert.Equal("Phone", (string)stored["PROPERTIES"]!["phone"]!["NAME"]!); // property keys upper-cased, names kept

        Assert.True((bool)(await CallAsync(token, prefix + ".delete", new JsonObject { ["CODE"] = "send_sms" })).Result);
        Assert.Empty((await CallAsync(token, prefix + ".list", new JsonObject())).Rows);
        Assert.Equal(["send_sms"], Server.Portal.AppActivityCodes(other.App.ClientId, robots: prefix.EndsWith("robot", StringComparison.Ordinal)));
        AssertError(await CallAsync(token, prefix + ".delete", new JsonObject { ["CODE"] = "send_sms" }), 400, "ERROR_ACTIVITY_NOT_FOUND");
    }

    public static TheoryData<string, string, string, string> AddErrors()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var prefix in Prefixes)
        {
            data.Add(prefix, "{}", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty data!");
            data.Add(prefix, """{"NAME":"x","HANDLER":"https://a.example/h"}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty activity code!");
            data.Add(prefix, """{"CODE":"bad code","NAME":"x","HANDLER":"https://a.example/h"}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity code!");
            data.Add(prefix, """{"CODE":"r","HANDLER":"https://a.example/h"}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty activity NAME!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"ftp://a.example/h"}""", "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"not a url"}""", "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","PROPERTIES":"x"}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong properties array!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","RETURN_PROPERTIES":{"1st":{"Name":"n"}}}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong property key 1st!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","PROPERTIES":{"p":{"Type":"string"}}}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty property NAME p!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","DOCUMENT_TYPE":["crm","CCrmDocumentDeal","LEAD"]}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity DOCUMENT_TYPE!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","FILTER":"box"}""", "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity FILTER!");
            data.Add(prefix, """{"CODE":"r","NAME":"x","HANDLER":"https://a.example/h","USE_PLACEMENT":"Y"}""", "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
        }
        return data;
    }

    private static readonly string[] Prefixes = ["bizproc.robot", "bizproc.activity"];

    [Theory]
    [MemberData(nameof(AddErrors))]
    public async Task Add_refuses_with_the_documented_error(string prefix, string body, string code, string description)
    {
        var app = Server.OAuth.RegisterApp();
        AssertError(await CallAsync(Token(app), prefix + ".add", JsonNode.Parse(body)!.AsObject()), 400, code, description);
        Assert.Empty(Server.Portal.AppActivityCodes(app.App.ClientId, robots: prefix.EndsWith("robot", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("bizproc.robot", "Activity or Automation Rule not found!")]
    [InlineData("bizproc.activity", "Activity or Automation rule not found!")]
    public async Task Update_refuses_empty_fields_and_unknown_codes(string prefix, string notFound)
    {
        var token = Token(Server.OAuth.RegisterApp());
        AssertError(await CallAsync(token, prefix + ".update", new JsonObject { ["CODE"] = "r" }), 400, "ERROR_ACTIVITY_VALIDATION_FAILURE", "No fields to update");
        AssertError(await CallAsync(token, prefix + ".update", new JsonObject { ["FIELDS"] = new JsonObject { ["NAME"] = "n" } }), 400,
            "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty activity code!");
        AssertError(await CallAsync(token, prefix + ".update", new JsonObject { ["CODE"] = "r", ["FIELDS"] = new JsonObject { ["NAME"] = "n" } }), 400,
            "ERROR_ACTIVITY_NOT_FOUND", notFound);
        await CallAsync(token, prefix + ".add", Robot("r"));
        AssertError(await CallAsync(token, prefix + ".update", new JsonObject { ["CODE"] = "r", ["FIELDS"] = new JsonObject { ["HANDLER"] = "gopher://x/y" } }), 400,
            "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
    }

    [Fact]
    public async Task A_robot_takes_only_crm_document_types()
    {
        var token = Token(Server.OAuth.RegisterApp());
        var robot = Robot("r");
        robot["DOCUMENT_TYPE"] = new JsonArray("lists", "BizprocDocument", "iblock_5");
        AssertError(await CallAsync(token, "bizproc.robot.add", robot), 400, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity DOCUMENT_TYPE!");
        robot["DOCUMENT_TYPE"] = new JsonArray("crm", @"Bitrix\Crm\Integration\BizProc\Document\Dynamic", "DYNAMIC_128");
        Assert.True((bool)(await CallAsync(token, "bizproc.robot.add", robot)).Result);
    }

    [Fact]
    public async Task Robots_and_activities_share_one_code_namespace_per_application_but_list_apart()
    {
        var token = Token(Server.OAuth.RegisterApp());
        Assert.True((bool)(await CallAsync(token, "bizproc.robot.add", Robot("shared"))).Result);
        AssertError(await CallAsync(token, "bizproc.activity.add", Robot("shared")), 400, "ERROR_ACTIVITY_ALREADY_INSTALLED", "Activity or Robot already installed!");
        Assert.True((bool)(await CallAsync(token, "bizproc.activity.add", Robot("own"))).Result);
        Assert.Equal(["shared"], (await CallAsync(token, "bizproc.robot.list", new JsonObject())).Rows.Select(r => (string)r!));
        Assert.Equal(["own"], (await CallAsync(token, "bizproc.activity.list", new JsonObject())).Rows.Select(r => (string)r!));
        AssertError(await CallAsync(token, "bizproc.activity.delete", new JsonObject { ["CODE"] = "shared" }), 400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Automation rule not found!");
        AssertError(await CallAsync(token, "bizproc.robot.update", new JsonObject { ["CODE"] = "own", ["FIELDS"] = new JsonObject { ["NAME"] = "x" } }), 400, "ERROR_ACTIVITY_NOT_FOUND");
    }

    [Fact]
    public async Task An_activity_takes_lists_and_disk_document_types()
    {
        var token = Token(Server.OAuth.RegisterApp());
        var activity = Robot("a1");
        activity["DOCUMENT_TYPE"] = new JsonArray("lists", "BizprocDocument", "iblock_5");
        Assert.True((bool)(await CallAsync(token, "bizproc.activity.add", activity)).Result);
        activity["CODE"] = "a2";
        activity["DOCUMENT_TYPE"] = new JsonArray("disk", @"Bitrix\Disk\BizProcDocument", "STORAGE_3");
        Assert.True((bool)(await CallAsync(token, "bizproc.activity.add", activity)).Result);
    }
}
