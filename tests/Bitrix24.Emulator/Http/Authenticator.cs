using System.Security.Cryptography;
using System.Text;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.OAuth;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// Decides who a request is from. Today: inbound webhooks (user id + secret code in the path). OAuth tokens
/// (<c>/rest/{method}?auth=…</c>) slot in here later: the parameters are passed for that reason.
/// </summary>
internal sealed class Authenticator
{
    private readonly PortalState _portal;
    private readonly IReadOnlyDictionary<long, string> _webhookCodes;
    private readonly OAuthServer _oauth;

    public Authenticator(PortalState portal, IReadOnlyDictionary<long, string> webhookCodes, OAuthServer oauth)
    {
        _portal = portal;
        _webhookCodes = webhookCodes;
        _oauth = oauth;
    }

    /// <summary>The caller, or null for wrong or missing credentials (401 NO_AUTH_FOUND). An application's
    /// expired access token throws 401 expired_token.</summary>
    public Caller? Authenticate(RestRoute route, RestParams parameters)
    {
        if (route.WebhookUserId is not { } userId || route.WebhookCode is not { } code)
            return AuthenticateToken(parameters);
        if (!_webhookCodes.TryGetValue(userId, out var expected) || !FixedTimeEquals(code, expected))
            return null;
        lock (_portal.SyncRoot)
            return _portal.FindUser(userId) is { Active: true } user ? new Caller(user.Id, user.IsAdmin) : null;
    }

    /// <summary><c>/rest/{method}</c> with the access token in <c>auth</c> (body or query string).</summary>
    private Caller? AuthenticateToken(RestParams parameters)
    {
        if (parameters.Get("auth") is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<string>(out var token) || token.Length == 0)
            return null;
        var check = _oauth.Check(token);
        if (check.State == TokenState.Expired)
            throw new RestException(401, "expired_token", "The access token provided has expired.");
        if (check.State != TokenState.Valid)
            return null;
        lock (_portal.SyncRoot)
            return _portal.FindUser(check.App!.UserId) is { Active: true } user ? new Caller(user.Id, user.IsAdmin, check.App.ClientId) : null;
    }

    private static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>A fresh secret: 24 random letters and digits.</summary>
    public static string NewCode()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
