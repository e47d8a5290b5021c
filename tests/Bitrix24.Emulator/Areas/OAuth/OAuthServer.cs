using System.Security.Cryptography;
using System.Text;

namespace Bitrix24.Emulator.Areas.OAuth;

/// <summary>
/// The emulated authorization server and the portal's knowledge of application tokens
/// (settings__oauth__index.md, auto-renewal.md, error-codes.md): authorization codes live 30 s and work once;
/// every refresh rotates the pair and spends the refresh token it was given; access tokens live
/// <see cref="AccessTokenTtl"/> (3600 s; --access-token-ttl makes them expire inside a test run).
/// Thread-safe (one lock; the token server is not the portal's hot path).
/// </summary>
public sealed class OAuthServer
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(180);
    public const string MemberId = "a223c6b3710f85df22e9377d6c4f7553";

    private readonly object _sync = new();
    private readonly Dictionary<string, OAuthApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unpaid = new(StringComparer.Ordinal);
    private int _refreshGrants;
    private int? _expireAfter;
    private int _codeGrants;

    public OAuthServer(TimeSpan accessTokenTtl) => AccessTokenTtl = accessTokenTtl;

    /// <summary>Lifetime of each new access token.</summary>
    public TimeSpan AccessTokenTtl { get; set; }

    /// <summary>Successful refresh_token grants (the "exactly one refresh" assertion reads this).</summary>
    public int RefreshGrants { get { lock (_sync) return _refreshGrants; } }

    /// <summary>Every refresh_token request, successful or not.</summary>
    public int RefreshRequests { get; private set; }

    public int CodeGrants { get { lock (_sync) return _codeGrants; } }

    /// <summary>Installs an application for <paramref name="userId"/> and issues its first refresh token.</summary>
    public OAuthAppRegistration RegisterApp(long userId = 1, string? redirectUri = null, string scope = "bizproc,user")
    {
        lock (_sync)
        {
            var app = new OAuthApp("local." + Hex(7) + "." + Digits(8), Secret(50), userId, redirectUri, scope);
            _apps[app.ClientId] = app;
            var refresh = Secret(32);
            _refreshTokens[refresh] = new Grant(app, DateTimeOffset.UtcNow + RefreshLifetime);
            return new OAuthAppRegistration(app, refresh);
        }
    }

    public OAuthApp? FindApp(string clientId)
    {
        lock (_sync)
            return _apps.GetValueOrDefault(clientId);
    }

    /// <summary>Marks an app's trial as over: the token server answers PAYMENT_REQUIRED.</summary>
    public void SetUnpaid(string clientId, bool unpaid = true)
    {
        lock (_sync)
        {
            if (unpaid)
                _unpaid.Add(clientId);
            else
                _unpaid.Remove(clientId);
        }
    }

    /// <summary>Makes every access token issued so far expired (the next call answers 401 expired_token).</summary>
    public void ExpireAccessTokens()
    {
        lock (_sync)
            foreach (var key in _accessTokens.Keys.ToList())
                _accessTokens[key] = _accessTokens[key] with { Expires = DateTimeOffset.UtcNow.AddSeconds(-1) };
    }

    /// <summary>Lets the next <paramref name="calls"/> authenticated calls pass, then expires every access token
    /// issued so far: a deterministic "the token ran out in the middle of the run".</summary>
    public void ExpireAfter(int calls)
    {
        lock (_sync)
        {
            if (calls <= 0)
                ExpireAccessTokens();
            else
                _expireAfter = calls;
        }
    }

    /// <summary>The portal's authorize step for a signed-in user: a one-time code for the app, or null when
    /// the app is unknown (the portal then shows its own error page).</summary>
    public string? IssueCode(string clientId)
    {
        lock (_sync)
        {
            if (!_apps.TryGetValue(clientId, out var app))
                return null;
            var code = Secret(32);
            _codes[code] = new Grant(app, DateTimeOffset.UtcNow + CodeLifetime);
            return code;
        }
    }

    /// <summary>Who an access token is: the app and user, Expired, or Unknown.</summary>
    public TokenCheck Check(string accessToken)
    {
        lock (_sync)
        {
            if (!_accessTokens.TryGetValue(accessToken, out var grant))
                return new TokenCheck(TokenState.Unknown, null);
            if (_expireAfter is { } left && grant.Expires > DateTimeOffset.UtcNow)
            {
                if (left <= 0)
                {
                    _expireAfter = null;
                    ExpireAccessTokens();
                    grant = _accessTokens[accessToken];
                }
                else
                {
                    _expireAfter = left - 1;
                }
            }
            return new TokenCheck(grant.Expires <= DateTimeOffset.UtcNow ? TokenState.Expired : TokenState.Valid, grant.App);
        }
    }

    /// <summary>One token request; the answer is a token pair or a documented error.</summary>
    public TokenAnswer Token(string? grantType, string? clientId, string? clientSecret, string? code, string? refreshToken, Uri portal)
    {
        lock (_sync)
        {
            if (grantType == "refresh_token")
                RefreshRequests++;
            if (string.IsNullOrEmpty(grantType) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
                return TokenAnswer.Fail(400, "invalid_request", "Invalid request");
            if (!_apps.TryGetValue(clientId, out var app) || !FixedTimeEquals(app.ClientSecret, clientSecret))
                return TokenAnswer.Fail(401, "invalid_client", "Invalid client");
            if (_unpaid.Contains(clientId))
                return TokenAnswer.Fail(402, "PAYMENT_REQUIRED", "Payment required");

            Dictionary<string, Grant> store;
            string? presented;
            switch (grantType)
            {
                case "authorization_code":
                    (store, presented) = (_codes, code);
                    break;
                case "refresh_token":
                    (store, presented) = (_refreshTokens, refreshToken);
                    break;
                default:
                    return TokenAnswer.Fail(400, "invalid_request", "Unsupported grant_type");
            }
            if (string.IsNullOrEmpty(presented))
                return TokenAnswer.Fail(400, "invalid_request", "Invalid request");
            // Single use: a code or refresh token is spent by the attempt, whether it was still valid or not.
            if (!store.Remove(presented, out var grant) || grant.App.ClientId != app.ClientId)
                return TokenAnswer.Fail(400, "invalid_grant", "Invalid grant");
            if (grant.Expires <= DateTimeOffset.UtcNow)
                return grantType == "refresh_token"
                    ? TokenAnswer.Fail(401, "expired_token", "The refresh token provided has expired")
                    : TokenAnswer.Fail(400, "invalid_grant", "Invalid grant");

            if (grantType == "refresh_token")
                _refreshGrants++;
            else
                _codeGrants++;
            var access = Secret(32);
            var refresh = Secret(32);
            var now = DateTimeOffset.UtcNow;
            _accessTokens[access] = new Grant(app, now + AccessTokenTtl);
            _refreshTokens[refresh] = new Grant(app, now + RefreshLifetime);
            return TokenAnswer.Issued(new IssuedTokens(access, refresh, now + AccessTokenTtl, (long)AccessTokenTtl.TotalSeconds, app, new Uri(portal, "rest/")));
        }
    }

    private static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Secret(int length) => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", length);
    private static string Hex(int length) => RandomNumberGenerator.GetString("0123456789abcdef", length);
    private static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);

    private sealed record Grant(OAuthApp App, DateTimeOffset Expires);
}

public enum TokenState { Valid, Expired, Unknown }

public sealed record TokenCheck(TokenState State, OAuthApp? App);

public sealed record IssuedTokens(string AccessToken, string RefreshToken, DateTimeOffset Expires, long ExpiresIn, OAuthApp App, Uri ClientEndpoint);

public sealed record TokenAnswer(int Status, IssuedTokens? Tokens, string? Error, string? Description)
{
    public static TokenAnswer Fail(int status, string error, string description) => new(status, null, error, description);
    public static TokenAnswer Issued(IssuedTokens tokens) => new(200, tokens, null, null);
}
