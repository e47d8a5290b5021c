using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// An OAuth application's sign-in: client id and secret plus the current access/refresh pair. Calls carry
    /// the access token in the documented <c>auth</c> parameter; after <c>401 expired_token</c> every caller
    /// that used the same stale token waits for one refresh (<see cref="RenewableCredential"/>), then repeats
    /// its call through pacing and auth. It never refreshes on a schedule. Each rotation is written to the token cache (when there is one) under the cache's
    /// cross-process lock, re-reading the cache first so a rotation made by another process is taken rather
    /// than spent again (a refresh token works once). Secrets never appear in ToString, logs or errors.
    /// </summary>
    public sealed class OAuthCredential : RenewableCredential
    {
        private static readonly TimeSpan ExpirySlack = TimeSpan.FromSeconds(30);

        private readonly TokenServerClient tokenServer;
        private readonly string clientSecret;
        private volatile OAuthTokens tokens;
        private int refreshCount;
        private Func<HttpClient> tokenHttp = () => DefaultTokenHttp.Value;

        private static readonly Lazy<HttpClient> DefaultTokenHttp = new Lazy<HttpClient>(() => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });

        private OAuthCredential(Uri portal, string clientId, string clientSecret, OAuthTokens tokens, Uri? tokenServer, TokenCache? cache)
        {
            // Every way in (parameters, the cache, an authorization code) passes here: tokens and the client
            // secret go only over TLS, to the portal and to the token server alike.
            SecureTransport.Require(portal, "the application's access token", "call the portal as the application", "portal");
            Portal = portal;
            ClientId = clientId;
            this.clientSecret = clientSecret;
            this.tokens = tokens;
            this.tokenServer = new TokenServerClient(tokenServer, () => tokenHttp());
            SecureTransport.Require(this.tokenServer.Server, "the client secret and the refresh token", "sign in as the application", "tokenServer");
            Cache = cache;
            Remember(clientSecret);
            Remember(tokens);
        }

        /// <summary>Signs in with a known refresh token (and, when the caller has one, a still-valid access
        /// token). With a cache, the pair is written to it now, so the next run can start from the cache alone.</summary>
        public static OAuthCredential Create(string portal, string clientId, string clientSecret, string refreshToken,
            string? accessToken = null, string? tokenServer = null, TokenCache? cache = null)
        {
            var portalUri = ParsePortal(portal);
            RequireClient(clientId, clientSecret);
            if (string.IsNullOrEmpty(refreshToken))
                throw new ArgumentException("A refresh token is required.", nameof(refreshToken));
            var server = ParseServer(tokenServer);
            var credential = new OAuthCredential(portalUri, clientId.Trim(), clientSecret,
                new OAuthTokens(string.IsNullOrEmpty(accessToken) ? null : accessToken, refreshToken, null, null, 0, null, null), server, cache);
            credential.Persist();
            return credential;
        }

        /// <summary>Signs in from the cache alone (a scheduled run). <paramref name="portal"/>, when given, must
        /// be the cache's portal.</summary>
        public static OAuthCredential FromCache(TokenCache cache, string? portal = null)
        {
            if (cache is null)
                throw new ArgumentNullException(nameof(cache));
            var entry = cache.Read() ?? throw new B24Exception(B24ErrorCodes.TokenCacheMissing,
                "There is no token cache at " + cache.Path + ". " + OAuthErrors.SignInAgain + " Add -TokenCachePath to keep the sign-in for later runs.");
            if (portal is not null && !SamePortal(ParsePortal(portal), entry.Portal))
                throw new B24Exception(B24ErrorCodes.TokenCacheMissing, "The token cache " + cache.Path + " is for " + entry.Portal
                    + ", not " + ParsePortal(portal) + ". Pass the matching -TokenCachePath, or " + char.ToLowerInvariant(OAuthErrors.SignInAgain[0]) + OAuthErrors.SignInAgain.Substring(1));
            return new OAuthCredential(entry.Portal, entry.ClientId, entry.ClientSecret, entry.Tokens, entry.TokenServer, cache);
        }

        /// <summary>Signs in with tokens just issued for an authorization code (the interactive flow).</summary>
        internal static OAuthCredential FromIssued(Uri portal, string clientId, string clientSecret, OAuthTokens issued, Uri tokenServer, TokenCache? cache)
        {
            var credential = new OAuthCredential(portal, clientId, clientSecret, issued, tokenServer, cache);
            credential.Persist();
            return credential;
        }

        /// <summary>
        /// The interactive flow's first step (settings__oauth__index.md): the portal's authorize page,
        /// <c>{portal}/oauth/authorize/?client_id=…&amp;state=…</c>. The portal redirects to the application's
        /// registered address; <paramref name="redirectUri"/>, when given, is added as <c>redirect_uri</c> so a
        /// portal that checks it can refuse a foreign address (the emulator does).
        /// </summary>
        public static Uri AuthorizeUri(string portal, string clientId, string state, Uri? redirectUri = null)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new ArgumentException("A client id is required.", nameof(clientId));
            var query = "client_id=" + Uri.EscapeDataString(clientId.Trim()) + "&state=" + Uri.EscapeDataString(state);
            if (redirectUri is not null)
                query += "&redirect_uri=" + Uri.EscapeDataString(redirectUri.AbsoluteUri);
            return new Uri(ParsePortal(portal), "oauth/authorize/?" + query);
        }

        private static void RequireClient(string clientId, string clientSecret)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new ArgumentException("A client id is required (the application's code, e.g. app.573ad8a0346747.09223434 or local.…).", nameof(clientId));
            if (string.IsNullOrEmpty(clientSecret))
                throw new ArgumentException("A client secret is required.", nameof(clientSecret));
        }

        /// <summary>A fresh random <c>state</c> for one authorize request (32 hex digits).</summary>
        public static string NewState()
        {
            var bytes = new byte[16];
            using (var random = System.Security.Cryptography.RandomNumberGenerator.Create())
                random.GetBytes(bytes);
            var text = new StringBuilder(32);
            foreach (var b in bytes)
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return text.ToString();
        }

        /// <summary>The interactive flow's second step: exchanges an authorization code (it lives 30 s, so at
        /// once) at the token server; with a cache, the issued pair is written to it before this returns.</summary>
        public static async Task<OAuthCredential> FromAuthorizationCodeAsync(string portal, string clientId, string clientSecret, string code,
            string? tokenServer = null, TokenCache? cache = null, CancellationToken cancellationToken = default)
        {
            var portalUri = ParsePortal(portal);
            RequireClient(clientId, clientSecret);
            if (string.IsNullOrEmpty(code))
                throw new ArgumentException("An authorization code is required.", nameof(code));
            var server = new TokenServerClient(ParseServer(tokenServer), () => DefaultTokenHttp.Value);
            var issued = await server.ExchangeCodeAsync(clientId.Trim(), clientSecret, code, cancellationToken).ConfigureAwait(false);
            return FromIssued(portalUri, clientId.Trim(), clientSecret, issued, server.Server, cache);
        }

        /// <summary>Portal root, ending with a slash.</summary>
        public override Uri Portal { get; }

        /// <summary>The application's client id (not a secret: it is part of the authorize URL).</summary>
        public string ClientId { get; }

        /// <summary>The authorization server, e.g. https://oauth.bitrix.info/</summary>
        public Uri TokenServer => tokenServer.Server;

        /// <summary>The token cache, or null when rotations are kept in memory only.</summary>
        public TokenCache? Cache { get; }

        /// <summary>The user the tokens act for (0 until the token server has said).</summary>
        public override int UserId => tokens.UserId;

        /// <summary>When the current access token expires, when known.</summary>
        public DateTimeOffset? AccessTokenExpires => tokens.ExpiresAt;

        /// <summary>Refreshes this credential asked the token server for (rotations taken from the cache are not counted).</summary>
        public int RefreshCount => Volatile.Read(ref refreshCount);

        public override string AuthType => "OAuth";

        /// <summary>Where calls go, with no secret: https://portal/rest/ (OAuth app …).</summary>
        public override string MaskedUrl => Portal + "rest/ (OAuth " + ClientId + ")";

        public override string ToString() => MaskedUrl;

        /// <summary>The connection's diagnostic sink (lines are already free of secrets).</summary>
        internal Action<string>? Log { get; set; }

        internal Func<HttpClient> TokenHttp { set => tokenHttp = value ?? throw new ArgumentNullException(nameof(value)); }

        private protected override async Task ApplyCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Signed in with a refresh token alone: the first call fetches the access token (shared like any renewal).
            if (tokens.AccessToken is null)
                await RenewAsync(Renewals, cancellationToken).ConfigureAwait(false);
            request.Content = await WithAuth(request.Content, tokens.AccessToken!).ConfigureAwait(false);
        }

        /// <summary>The one refresh for every caller that met this expiry (the base makes them share it). Under
        /// the cache's lock it first takes a rotation another process left there, since our refresh token is
        /// then spent.</summary>
        private protected override async Task RenewCoreAsync(CancellationToken cancellationToken)
        {
            var applied = tokens.AccessToken;
            using (Cache is null ? null : await Cache.LockAsync(cancellationToken).ConfigureAwait(false))
            {
                var refreshWith = tokens.RefreshToken;
                if (Cache?.Read() is { } onDisk && string.Equals(onDisk.ClientId, ClientId, StringComparison.Ordinal)
                    && SamePortal(onDisk.Portal, Portal) && !string.Equals(onDisk.Tokens.RefreshToken, tokens.RefreshToken, StringComparison.Ordinal))
                {
                    // Another process (or connection) rotated since we read the cache: our refresh token is spent.
                    if (onDisk.Tokens.AccessToken is not null && !string.Equals(onDisk.Tokens.AccessToken, applied, StringComparison.Ordinal)
                        && !(onDisk.Tokens.ExpiresAt is { } expires && expires < DateTimeOffset.UtcNow + ExpirySlack))
                    {
                        Adopt(onDisk.Tokens);
                        B24Log.Write(Log, "OAuth: took the tokens another process rotated from " + Cache.Path);
                        return;
                    }
                    refreshWith = onDisk.Tokens.RefreshToken;
                }

                var watch = Stopwatch.StartNew();
                var fresh = await tokenServer.RefreshAsync(ClientId, clientSecret, refreshWith, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref refreshCount);
                Adopt(fresh);
                B24Log.Write(Log, "OAuth: refreshed the access token at " + tokenServer.Server + "oauth/token/ (" + watch.ElapsedMilliseconds + " ms)");
                try
                {
                    Persist();
                }
                catch (B24Exception e)
                {
                    // The new pair works in this session; the next run will need a fresh sign-in.
                    B24Log.Write(Log, "OAuth: WARNING " + e.Description);
                }
            }
        }

        private void Adopt(OAuthTokens next)
        {
            Remember(next);
            tokens = next;
        }

        /// <summary>Writes the current pair to the cache (throws TOKEN_CACHE_UNREADABLE when it cannot).</summary>
        private void Persist()
        {
            if (Cache is null)
                return;
            Cache.Write(new TokenCacheEntry(Portal, ClientId, clientSecret, tokenServer.Server, tokens));
        }

        private void Remember(OAuthTokens t)
        {
            Remember(t.AccessToken);
            Remember(t.RefreshToken);
        }

        private void Remember(string? secret) => RememberSecret(secret);

        /// <summary>The JSON body with <c>"auth":"token"</c> as its first member (the documented place for an
        /// application's token; a URL would put it into every proxy's access log).</summary>
        private static async Task<HttpContent> WithAuth(HttpContent? content, string token)
        {
            var body = content is null ? Array.Empty<byte>() : await content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var start = Array.IndexOf(body, (byte)'{');
            var member = Encoding.UTF8.GetBytes("\"auth\":" + JsonSerializer.Serialize(token));
            byte[] result;
            if (start < 0)
            {
                result = new byte[member.Length + 2];
                result[0] = (byte)'{';
                Buffer.BlockCopy(member, 0, result, 1, member.Length);
                result[result.Length - 1] = (byte)'}';
            }
            else
            {
                var rest = body.Length - start - 1;
                var empty = IsEmptyObject(body, start + 1);
                result = new byte[start + 1 + member.Length + (empty ? 0 : 1) + rest];
                Buffer.BlockCopy(body, 0, result, 0, start + 1);
                Buffer.BlockCopy(member, 0, result, start + 1, member.Length);
                var at = start + 1 + member.Length;
                if (!empty)
                    result[at++] = (byte)',';
                Buffer.BlockCopy(body, start + 1, result, at, rest);
            }
            var replaced = new ByteArrayContent(result);
            if (content is not null)
            {
                foreach (var header in content.Headers)
                {
                    if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                        replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
            return replaced;
        }

        private static bool IsEmptyObject(byte[] body, int from)
        {
            for (var i = from; i < body.Length; i++)
            {
                var b = body[i];
                if (b == (byte)'}')
                    return true;
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                    return false;
            }
            return true;
        }

        /// <summary>The portal root an address names (also accepts a client_endpoint …/rest/); ArgumentException otherwise.</summary>
        public static Uri ParsePortalForCmdlet(string portal) => ParsePortal(portal);

        internal static Uri ParsePortal(string portal)
        {
            if (string.IsNullOrWhiteSpace(portal))
                throw new ArgumentException("A portal address is required, e.g. https://your-portal.bitrix24.com/", nameof(portal));
            var text = portal.Trim();
            if (!text.Contains("://"))
                text = "https://" + text;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException("The portal address must be an https:// URL, e.g. https://your-portal.bitrix24.com/", nameof(portal));
            if (uri.Query.Length > 0 || uri.UserInfo.Length > 0)
                throw new ArgumentException("The portal address must not carry a query string or a user name.", nameof(portal));
            var path = uri.AbsolutePath;
            var rest = path.IndexOf("/rest/", StringComparison.OrdinalIgnoreCase);
            if (rest >= 0)
                path = path.Substring(0, rest + 1); // a client_endpoint (…/rest/) names the same portal
            if (!path.EndsWith("/", StringComparison.Ordinal))
                path += "/";
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + path);
        }

        private static Uri? ParseServer(string? server)
        {
            if (string.IsNullOrWhiteSpace(server))
                return null;
            if (!Uri.TryCreate(server!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException("The token server must be an https:// URL, e.g. https://oauth.bitrix.info/", "tokenServer");
            return uri;
        }

        private static bool SamePortal(Uri a, Uri b) => string.Equals(a.AbsoluteUri.TrimEnd('/'), b.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
