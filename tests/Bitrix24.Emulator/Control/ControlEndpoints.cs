using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas;
using Bitrix24.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Control;

/// <summary>
/// The test-facing API (no auth, loopback callers only, not counted in stats):
/// <c>GET /emulator/stats</c> → <see cref="EmulatorStats"/> in camelCase;
/// <c>POST /emulator/reset</c> → clears counters and data, seeds as the options say;
/// <c>POST /emulator/seed</c> → each area seeds from its own keys (users: <c>{"users":N}</c>; bizproc:
/// <c>{"templates":[{"name":…,"entity":"CCrmDocumentLead"}], "workflows":N, "templateId":T,
/// "documentIds":["LEAD_7",…]}</c> → <c>{"templateIds":[…],"workflowIds":[…]}</c>); unknown keys are refused;
/// <c>POST /emulator/faults</c> (a rule, a list, or {"rules":[…]}: added after those in force),
/// <c>GET /emulator/faults</c> (rules with seen/fired counts), <c>DELETE /emulator/faults</c> (no rules);
/// <c>GET /emulator/methods</c> → every registered method, its kind (read/write) and applicationOnly;
/// <c>GET /emulator/oauth</c> → token-server counters; <c>POST /emulator/oauth/expire[?after=N]</c> expires every
/// access token (after N more authenticated calls); <c>POST /emulator/oauth/apps[?userId=N&amp;redirectUri=URL]</c>
/// installs an application and answers its client_id, client_secret and refresh_token;
/// <c>GET /emulator/limits</c> → rate, burst, latencyMs, operatingLimit, operatingCost, operatingWindow;
/// <c>POST /emulator/limits</c> with any of operatingLimit, operatingCost, operatingWindow → a new operating
/// budget (counted afresh);
/// <c>GET /emulator/webhooks</c> → <c>{"admin":…,"nonAdmin":…}</c>, so a script that started the program
/// (which prints only the admin webhook) can also act as the non-administrator.
/// </summary>
internal sealed class ControlEndpoints
{
    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    private readonly EmulatorServer _server;
    private readonly MethodRegistry _methods;

    public ControlEndpoints(EmulatorServer server, MethodRegistry methods)
    {
        _server = server;
        _methods = methods;
    }

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
            case ("GET", "faults"):
                await WriteAsync(context, 200, _server.Faults.Describe());
                break;
            case ("POST", "faults"):
                await AddFaultsAsync(context);
                break;
            case ("DELETE", "faults"):
                _server.Faults.Clear();
                await WriteAsync(context, 200, new JsonObject { ["result"] = true });
                break;
            case ("GET", "methods"):
                await WriteAsync(context, 200, Methods());
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
                var userId = long.TryParse(context.Request.Query["userId"], out var u) ? u : 1;
                var redirect = context.Request.Query["redirectUri"].ToString();
                var registration = _server.OAuth.RegisterApp(userId, redirect.Length == 0 ? null : redirect);
                await WriteAsync(context, 200, new JsonObject
                {
                    ["client_id"] = registration.App.ClientId,
                    ["client_secret"] = registration.App.ClientSecret,
                    ["refresh_token"] = registration.RefreshToken,
                });
                break;
            case ("GET", "limits"):
                await WriteAsync(context, 200, Limits());
                break;
            case ("POST", "limits"):
                await SetLimitsAsync(context);
                break;
            case ("GET", "webhooks"):
                await WriteAsync(context, 200, new JsonObject { ["admin"] = _server.WebhookUrl, ["nonAdmin"] = _server.NonAdminWebhookUrl });
                break;
            default:
                await WriteAsync(context, 404, new JsonObject { ["error"] = "unknown control endpoint" });
                break;
        }
    }

    /// <summary>Each area seeds from its own keys of the body, in list order; a key no area claims is refused.</summary>
    private async Task SeedAsync(HttpContext context)
    {
        var portal = _server.Portal;
        var request = await ReadObjectAsync(context);
        if (request is null)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "expected a JSON object; keys: " + string.Join(", ", portal.Areas.SelectMany(a => a.SeedKeys)) });
            return;
        }
        var unknown = request.Select(p => p.Key).FirstOrDefault(key => !portal.Areas.Any(a => a.SeedKeys.Contains(key, StringComparer.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = $"unknown seed key '{unknown}'; keys: " + string.Join(", ", portal.Areas.SelectMany(a => a.SeedKeys)) });
            return;
        }

        var answer = new JsonObject();
        try
        {
            lock (portal.SyncRoot)
            {
                portal.Changed();
                foreach (var area in portal.Areas)
                {
                    var section = new JsonObject();
                    foreach (var (key, value) in request.Where(p => area.SeedKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
                        section[key] = value?.DeepClone();
                    foreach (var (key, value) in area.Seed(new SeedSection(section)).ToList())
                        answer[key] = value?.DeepClone();
                }
            }
        }
        catch (ArgumentException e)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = e.Message });
            return;
        }
        await WriteAsync(context, 200, answer);
    }

    /// <summary>Adds rules after those in force (all or none); answers them as named.</summary>
    private async Task AddFaultsAsync(HttpContext context)
    {
        IReadOnlyList<FaultRule> rules;
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            rules = FaultSpec.FromJson(node);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = e.Message });
            return;
        }
        var added = _server.Faults.Add(rules);
        await WriteAsync(context, 200, new JsonObject { ["rules"] = new JsonArray(added.Select(r => (JsonNode?)r.Describe()).ToArray()) });
    }

    /// <summary>The limits in force: the leaky bucket, the latency and the operating-time budget.</summary>
    private JsonObject Limits()
    {
        var options = _server.Options;
        return new JsonObject
        {
            ["rate"] = options.Rate,
            ["burst"] = options.Burst,
            ["latencyMs"] = options.LatencyMs,
            ["operatingLimit"] = options.OperatingLimitSeconds,
            ["operatingCost"] = options.OperatingCostSeconds,
            ["operatingWindow"] = options.OperatingWindowSeconds,
        };
    }

    /// <summary><c>{"operatingLimit":S, "operatingCost":S, "operatingWindow":S}</c> (any of them): a new operating
    /// budget, counted afresh; anything else or a bad value is a 400 and nothing changes. Answers the limits.</summary>
    private async Task SetLimitsAsync(HttpContext context)
    {
        var request = await ReadObjectAsync(context);
        string[] keys = ["operatingLimit", "operatingCost", "operatingWindow"];
        double? Number(string key) => request![key] is { } node ? node.GetValue<double>() : null;
        try
        {
            if (request is null || request.Any(p => !keys.Contains(p.Key, StringComparer.Ordinal)))
                throw new ArgumentException("expected a JSON object with any of: " + string.Join(", ", keys));
            _server.SetOperatingBudget(Number("operatingLimit"), Number("operatingCost"), Number("operatingWindow"));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = e.Message });
            return;
        }
        await WriteAsync(context, 200, Limits());
    }

    /// <summary>Every registered method with its kind and context: a test can check that each method a cmdlet
    /// declares exists here.</summary>
    private JsonObject Methods() => new()
    {
        ["methods"] = new JsonArray(_methods.Methods.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (JsonNode?)new JsonObject
        {
            ["name"] = m.Name,
            ["kind"] = m.IsWrite ? "write" : "read",
            ["applicationOnly"] = m.ApplicationOnly,
        }).ToArray()),
    };

    /// <summary>The body as a JSON object; null when it is not one.</summary>
    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
