using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Control;

/// <summary>
/// The test-facing API (no auth, loopback callers only, not counted in stats):
/// <c>GET /emulator/stats</c> → <see cref="EmulatorStats"/> in camelCase;
/// <c>POST /emulator/reset</c> → clears counters and data, seeds as the options say;
/// <c>POST /emulator/seed</c> → <c>{"templateIds":[…],"workflowIds":[…]}</c>, with any of
/// <c>{"users":N, "templates":[{"name":…,"entity":"CCrmDocumentLead"}], "workflows":N, "templateId":T,
/// "documentIds":["LEAD_7",…]}</c>: users; new templates; N running workflows over the seed templates, or,
/// with templateId, over that template, on the given documents and/or N new ones. Unknown keys are refused;
///
/// <c>GET /emulator/oauth</c> → token-server counters; <c>POST /emulator/oauth/expire[?after=N]</c> expires every access
/// token (after N more authenticated calls); <c>POST /emulator/oauth/apps</c> installs an application (see <see cref="RegisterAppAsync"/>);
/// <c>GET /emulator/webhooks</c> → <c>{"admin":…,"nonAdmin":…}</c>, so a script that started the program
/// (which prints only the admin webhook) can also act as the non-administrator.
/// </summary>
internal sealed class ControlEndpoints
{
    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private const string SeedUsage = "expected {\"users\":N, \"templates\":[{\"name\":…,\"entity\":\"CCrmDocumentLead\"}], "
        + "\"workflows\":N, \"templateId\":T, \"documentIds\":[\"LEAD_7\"]} with N >= 0";

    private readonly EmulatorServer _server;

    public ControlEndpoints(EmulatorServer server) => _server = server;

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address && !System.Net.IPAddress.IsLoopback(address))
        {
            await WriteAsync(context, 403, new JsonObject { ["error"] = "loopback callers only" });
            return;
        }

        var action = context.Request.Path.Value!["/emulator/".Length..].TrimEnd('/').ToLowerInvariant();
        switch (context.Request.Method, action)
        {
            case ("GET", "stats"):
                await WriteAsync(context, 200, JsonSerializer.SerializeToNode(_server.GetStats(), Camel)!);
                break;
            case ("POST", "reset"):
                _server.Reset();
                await WriteAsync(context, 200, new JsonObject { ["result"] = true });
                break;
            case ("POST", "seed"):
                await SeedAsync(context);
                break;
            case ("GET", "oauth"):
                await WriteAsync(context, 200, new JsonObject
                {
                    ["refreshGrants"] = _server.OAuth.RefreshGrants,
                    ["refreshRequests"] = _server.OAuth.RefreshRequests,
                    ["codeGrants"] = _server.OAuth.CodeGrants,
                    ["accessTokenTtl"] = _server.OAuth.AccessTokenTtl.TotalSeconds,
                });
                break;
            case ("POST", "oauth/expire"):
                _server.OAuth.ExpireAfter(int.TryParse(context.Request.Query["after"], out var after) ? after : 0);
                await WriteAsync(context, 200, new JsonObject { ["result"] = true });
                break;
            case ("POST", "oauth/apps"):
                await RegisterAppAsync(context);
                break;
            case ("GET", "webhooks"):
                await WriteAsync(context, 200, new JsonObject { ["admin"] = _server.WebhookUrl, ["nonAdmin"] = _server.NonAdminWebhookUrl });
                break;
            default:
                await WriteAsync(context, 404, new JsonObject { ["error"] = "unknown control endpoint" });
                break;
        }
    }

    /// <summary><c>{"userId":1,"redirectUri":"http://127.0.0.1:8765/"}</c> (both optional) → the new app's
    /// client_id, client_secret and refresh_token.</summary>
    private async Task RegisterAppAsync(HttpContext context)
    {
        JsonNode? request = null;
        try
        {
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
                request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "expected {\"userId\":N, \"redirectUri\":URL}" });
            return;
        }
        var userId = request?["userId"]?.GetValue<long>() ?? 1;
        var redirect = request?["redirectUri"]?.GetValue<string>();
        var registration = _server.OAuth.RegisterApp(userId, redirect);
        await WriteAsync(context, 200, new JsonObject
        {
            ["client_id"] = registration.App.ClientId,
            ["client_secret"] = registration.App.ClientSecret,
            ["refresh_token"] = registration.RefreshToken,
        });
    }

    private async Task SeedAsync(HttpContext context)
    {
        SeedRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SeedRequest>(context.Request.Body, Camel, context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null || request.Users < 0 || request.Workflows < 0
            || (request.DocumentIds is not null && request.TemplateId is null)
            || request.Templates?.Any(t => t is null || string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Entity)) == true)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = SeedUsage });
            return;
        }

        var portal = _server.Portal;
        var templateIds = new List<long>();
        IReadOnlyList<string> workflowIds;
        try
        {
            portal.SeedUsers(request.Users);
            foreach (var template in request.Templates ?? [])
                templateIds.Add(portal.SeedTemplate(template.Name!, template.Entity!));
            workflowIds = request.TemplateId is { } templateId
                ? portal.SeedWorkflows(templateId, request.Workflows, request.DocumentIds)
                : portal.SeedWorkflows(request.Workflows);
        }
        catch (ArgumentException e)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = e.Message });
            return;
        }
        await WriteAsync(context, 200, new JsonObject
        {
            ["templateIds"] = new JsonArray(templateIds.Select(id => (JsonNode?)id).ToArray()),
            ["workflowIds"] = new JsonArray(workflowIds.Select(id => (JsonNode?)id).ToArray()),
        });
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private sealed record SeedRequest(int Users, int Workflows, SeedTemplate[]? Templates, long? TemplateId, string[]? DocumentIds);

    private sealed record SeedTemplate(string? Name, string? Entity);
}
