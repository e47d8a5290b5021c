using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.OAuth;

namespace Bitrix24.Emulator.Tests;

/// <summary>bizproc.event.send and bizproc.activity.log on the wire: a waiting run's token, single use,
/// bound to its application; the documented errors; event tokens seeded through the control API.</summary>
public sealed class AppActivityEventTests : EmulatorTestBase
{
    private async Task<(OAuthAppRegistration App, string Access, string Event)> WaitingRunAsync(string useSubscription = "Y")
    {
        var app = Server.OAuth.RegisterApp();
        var access = Token(app);
        var robot = new JsonObject { ["CODE"] = "send_sms", ["NAME"] = "SMS", ["HANDLER"] = "https://a.example/h", ["USE_SUBSCRIPTION"] = useSubscription };
        Assert.True((bool)(await CallAsync(access, "bizproc.robot.add", robot)).Result);
        var seeded = await PostJsonAsync(new Uri(Server.BaseUrl, "emulator/seed").ToString(),
            new JsonObject { ["eventTokens"] = new JsonArray(new JsonObject { ["clientId"] = app.App.ClientId, ["code"] = "send_sms" }) }.ToJsonString());
        return (app, access, (string)seeded.Body["eventTokens"]![0]!);
    }

    [Fact]
    public async Task Log_then_send_completes_the_run_once()
    {
        var (_, access, token) = await WaitingRunAsync();

        Assert.True((bool)(await CallAsync(access, "bizproc.activity.log", new JsonObject { ["EVENT_TOKEN"] = token, ["LOG_MESSAGE"] = "Sending…" })).Result);
        var sent = await CallAsync(access, "bizproc.event.send", new JsonObject
        {
            ["EVENT_TOKEN"] = token,
            ["RETURN_VALUES"] = new JsonObject { ["status"] = "sent" },
            ["LOG_MESSAGE"] = "Sent",
        });
        Assert.True((bool)sent.Result);
        var run = Server.Portal.AppActivityEvent(token)!.Value;
        Assert.True(run.Completed);
        Assert.Equal("""{"status":"sent"}""", run.ReturnValues);
        Assert.Equal(["Sending…", "Sent"], run.Log);

        AssertError(await CallAsync(access, "bizproc.event.send", new JsonObject { ["EVENT_TOKEN"] = token }), 403, "ACCESS_DENIED", "Access denied!");
        AssertError(await CallAsync(access, "bizproc.activity.log", new JsonObject { ["EVENT_TOKEN"] = token, ["LOG_MESSAGE"] = "late" }), 403, "ACCESS_DENIED", "Access denied!");
    }

    [Fact]
    public async Task Unknown_tokens_other_applications_and_empty_messages_are_refused()
    {
        var (_, access, token) = await WaitingRunAsync();
        var other = Token(Server.OAuth.RegisterApp());

        AssertError(await CallAsync(access, "bizproc.event.send", new JsonObject { ["EVENT_TOKEN"] = "nope" }), 403, "ACCESS_DENIED", "Access denied!");
        AssertError(await CallAsync(other, "bizproc.event.send", new JsonObject { ["EVENT_TOKEN"] = token }), 403, "ACCESS_DENIED", "Access denied!");
        AssertError(await CallAsync(access, "bizproc.activity.log", new JsonObject { ["EVENT_TOKEN"] = token, ["LOG_MESSAGE"] = " " }), 400, "ERROR_EMPTY_LOG_MESSAGE", "Empty log message!");
        AssertError(await PostJsonAsync(Admin("bizproc.event.send"), new { EVENT_TOKEN = token }), 403, "ACCESS_DENIED", "Application context required");
        Assert.False(Server.Portal.AppActivityEvent(token)!.Value.Completed);
    }

    [Fact]
    public async Task A_robot_that_does_not_wait_gets_no_event_token()
    {
        var app = Server.OAuth.RegisterApp();
        await CallAsync(Token(app), "bizproc.robot.add", new JsonObject { ["CODE"] = "fire", ["NAME"] = "F", ["HANDLER"] = "https://a.example/h", ["USE_SUBSCRIPTION"] = "N" });
        var seeded = await PostJsonAsync(new Uri(Server.BaseUrl, "emulator/seed").ToString(),
            new JsonObject { ["eventTokens"] = new JsonArray(new JsonObject { ["clientId"] = app.App.ClientId, ["code"] = "fire" }) }.ToJsonString());
        Assert.Equal(400, seeded.Status);
    }
}
