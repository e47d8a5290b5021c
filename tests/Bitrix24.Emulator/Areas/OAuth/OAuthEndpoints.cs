using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Areas.OAuth;

/// <summary>
/// <c>GET|POST {emulator}/oauth/token/</c>: the authorization server (grant_type=authorization_code or
/// refresh_token; answers the documented token JSON or {"error","error_description"}).
/// <c>GET {emulator}/oauth/authorize/?client_id=…&amp;state=…</c>: the portal's authorize page for a user who is
/// already signed in (user 1 or the app's installer): redirects to the app's redirect_uri with code, state,
/// domain, member_id, scope and server_domain; an unknown app, one without a redirect address, or a
/// <c>redirect_uri</c> other than the registered one gets the portal's own error page (no redirect, as the docs say).
/// </summary>
internal sealed class OAuthEndpoints
{
    private readonly OAuthServer _server;

    public OAuthEndpoints(OAuthServer server) => _server = server;

    /// <summary>http://127.0.0.1:PORT/ as the request reached us.</summary>
    private static Uri BaseUrl(HttpContext context) => new(context.Request.Scheme + "://" + context.Request.Host + "/");

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimEnd('/').ToLowerInvariant();
        if (path != "/oauth/token" && path != "/oauth/authorize")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Uri _baseUrlValue = BaseUrl(context);
        Func<Uri> _baseUrl = () => _baseUrlValue;
        if (path == "/oauth/authorize")
        {
            await AuthorizeAsync(context);
            return;
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
            values[key] = value.ToString();
        if (context.Request.HasFormContentType)
            foreach (var (key, value) in await context.Request.ReadFormAsync(context.RequestAborted))
                values[key] = value.ToString();
        var answer = _server.Token(values.GetValueOrDefault("grant_type"), values.GetValueOrDefault("client_id"), values.GetValueOrDefault("client_secret"),
            values.GetValueOrDefault("code"), values.GetValueOrDefault("refresh_token"), _baseUrl());
        JsonObject body;
        if (answer.Tokens is { } t)
        {
            body = new JsonObject
            {
                ["access_token"] = t.AccessToken,
                ["client_endpoint"] = t.ClientEndpoint.ToString(),
                ["domain"] = _baseUrl().Authority,
                ["expires"] = t.Expires.ToUnixTimeSeconds(),
                ["expires_in"] = t.ExpiresIn,
                ["member_id"] = OAuthServer.MemberId,
                ["refresh_token"] = t.RefreshToken,
                ["scope"] = t.App.Scope,
                ["server_endpoint"] = new Uri(_baseUrl(), "rest/").ToString(),
                ["status"] = "L",
                ["user_id"] = t.App.UserId,
            };
        }
        else
        {
            body = new JsonObject { ["error"] = answer.Error, ["error_description"] = answer.Description };
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var clientId = context.Request.Query["client_id"].ToString();
        var state = context.Request.Query["state"].ToString();
        var app = string.IsNullOrEmpty(clientId) ? null : _server.FindApp(clientId);
        if (app?.RedirectUri is null)
        {
            await ErrorPageAsync(context, "The application is not installed or has no handler address.");
            return;
        }
        // The docs: the portal takes the address from the application's settings. A redirect_uri sent anyway must
        // be that address exactly (a portal never sends a code to a foreign address); absent, the registered one.
        var asked = context.Request.Query["redirect_uri"].ToString();
        if (asked.Length > 0 && !SameAddress(asked, app.RedirectUri))
        {
            await ErrorPageAsync(context, "The redirect address does not match the application's handler address.");
            return;
        }
        var code = _server.IssueCode(clientId);
        if (code is null)
        {
            await ErrorPageAsync(context, "The application is not installed or has no handler address.");
            return;
        }
        var baseUrl = BaseUrl(context);
        var query = "code=" + Uri.EscapeDataString(code) + "&state=" + Uri.EscapeDataString(state)
            + "&domain=" + Uri.EscapeDataString(baseUrl.Authority) + "&member_id=" + OAuthServer.MemberId
            + "&scope=" + Uri.EscapeDataString(app.Scope) + "&server_domain=" + Uri.EscapeDataString(baseUrl.Authority);
        var target = app.RedirectUri + (app.RedirectUri.Contains('?') ? "&" : "?") + query;
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target;
    }

    /// <summary>The portal's own error page: no redirect and no error parameters reach the application (as documented).</summary>
    private static async Task ErrorPageAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync("<html><head><title>Authorization error</title></head><body>" + message + "</body></html>", context.RequestAborted);
    }

    private static bool SameAddress(string asked, string registered)
        => Uri.TryCreate(asked, UriKind.Absolute, out var a) && Uri.TryCreate(registered, UriKind.Absolute, out var r)
            && string.Equals(a.AbsoluteUri, r.AbsoluteUri, StringComparison.Ordinal);
}
