using System.Security.Cryptography;
using System.Text;
using Bitrix24.Emulator.Api;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// Decides who a request is from. Today: inbound webhooks (user id + secret code in the path). OAuth tokens
/// (<c>/rest/{method}?auth=…</c>) slot in here later: the parameters are passed for that reason.
/// </summary>
internal sealed class Authenticator
{
    private readonly PortalState _portal;
    private readonly IReadOnlyDictionary<long, string> _webhookCodes;

    public Authenticator(PortalState portal, IReadOnlyDictionary<long, string> webhookCodes)
    {
        _portal = portal;
        _webhookCodes = webhookCodes;
    }

    /// <summary>The caller, or null for wrong or missing credentials (401 NO_AUTH_FOUND).</summary>
    public Caller? Authenticate(RestRoute route, RestParams parameters)
    {
        if (route.WebhookUserId is not { } userId || route.WebhookCode is not { } code)
            return null; // Application tokens are not emulated yet.
        if (!_webhookCodes.TryGetValue(userId, out var expected) || !FixedTimeEquals(code, expected))
            return null;
        lock (_portal.SyncRoot)
            return _portal.FindUser(userId) is { Active: true } user ? new Caller(user.Id, user.IsAdmin) : null;
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
