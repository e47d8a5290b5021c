using System.Security.Cryptography;
using System.Text;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.Users;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// Decides who a request is from: the auth schemes the areas registered first (OAuth access tokens in
/// <c>auth</c>), then the built-in inbound webhooks (user id + secret code in the path) of active users.
/// </summary>
internal sealed class Authenticator
{
    private readonly PortalState _portal;
    private readonly IReadOnlyDictionary<long, string> _webhookCodes;
    private readonly IReadOnlyList<IAuthScheme> _schemes;

    public Authenticator(PortalState portal, IReadOnlyDictionary<long, string> webhookCodes, IReadOnlyList<IAuthScheme> schemes)
    {
        _portal = portal;
        _webhookCodes = webhookCodes;
        _schemes = schemes;
    }

    /// <summary>The caller.</summary>
    /// <exception cref="RestException">Wrong or missing credentials (401 NO_AUTH_FOUND, or a scheme's own error).</exception>
    public Caller Authenticate(RestRoute route, RestParams parameters)
    {
        lock (_portal.SyncRoot)
        {
            foreach (var scheme in _schemes)
                if (scheme.Authenticate(route, parameters) is { } caller)
                    return caller;
            return Webhook(route) ?? throw RestException.NoAuth();
        }
    }

    private Caller? Webhook(RestRoute route)
    {
        if (route.WebhookUserId is not { } userId || route.WebhookCode is not { } code)
            return null;
        if (!_webhookCodes.TryGetValue(userId, out var expected) || !FixedTimeEquals(code, expected))
            return null;
        return _portal.Area<UsersArea>().Find(userId) is { Active: true } user ? Caller.Webhook(user.Id, user.IsAdmin) : null;
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
