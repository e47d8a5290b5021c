using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

/// <summary>A status code and the parsed JSON body of one raw HTTP exchange.</summary>
public sealed record WireResponse(int Status, JsonNode Body)
{
    public JsonNode Result => Body["result"]!;
    public string? Error => (string?)Body["error"];
    public string? ErrorDescription => (string?)Body["error_description"];
    public JsonArray Rows => Body["result"]!.AsArray();
}

/// <summary>
/// Starts a fresh emulator per test (fast: pacing off unless a test is about pacing) and talks to it with a raw
/// HttpClient, so these tests check the wire format itself, not the client library.
/// </summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected EmulatorServer Server { get; private set; } = null!;

    /// <summary>Options for this class's emulator; the default never throttles.</summary>
    protected virtual EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000 };

    public async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(Options);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected string Admin(string method) => Server.WebhookUrl + method;

    protected string NonAdmin(string method) => Server.NonAdminWebhookUrl + method;

    protected static async Task<WireResponse> PostJsonAsync(string url, object? body)
    {
        var json = body is string text ? text : JsonSerializer.Serialize(body);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await ReadAsync(await Http.PostAsync(url, content));
    }

    protected static async Task<WireResponse> PostFormAsync(string url, string formBody)
    {
        using var content = new StringContent(formBody, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await ReadAsync(await Http.PostAsync(url, content));
    }

    protected static async Task<WireResponse> GetAsync(string url) => await ReadAsync(await Http.GetAsync(url));

    protected static async Task<WireResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new WireResponse((int)response.StatusCode, JsonNode.Parse(text)!);
        }
    }

    /// <summary>Every running workflow's given fields, paging through instances with start/next.</summary>
    protected async Task<List<JsonObject>> AllInstancesAsync(params string[] select)
    {
        var rows = new List<JsonObject>();
        int? start = 0;
        while (start is { } offset)
        {
            var page = await PostJsonAsync(Admin("bizproc.workflow.instances"), new { SELECT = select, ORDER = new { ID = "ASC" }, start = offset });
            Assert.Equal(200, page.Status);
            rows.AddRange(page.Rows.Select(r => r!.AsObject()));
            start = (int?)page.Body["next"];
        }
        return rows;
    }

    /// <summary>An access token of an application installed with <c>Server.OAuth.RegisterApp()</c>.</summary>
    protected string Token(Bitrix24.Emulator.Areas.OAuth.OAuthAppRegistration app)
        => Server.OAuth.Token("refresh_token", app.App.ClientId, app.App.ClientSecret, null, app.RefreshToken, Server.BaseUrl).Tokens!.AccessToken;

    /// <summary>A call in an application's context: <c>/rest/{method}</c> with the access token in <c>auth</c>.</summary>
    protected async Task<WireResponse> CallAsync(string token, string method, JsonObject body)
    {
        body["auth"] = token;
        return await PostJsonAsync(new Uri(Server.BaseUrl, "rest/" + method).ToString(), body.ToJsonString());
    }

    protected static void AssertError(WireResponse response, int status, string code, string? description = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Error);
        if (description is not null)
            Assert.Equal(description, response.ErrorDescription);
    }
}
