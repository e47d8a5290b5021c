using System;
using System.Net;
using System.Security;
using Bitrix24.Client;
using Bitrix24.Client.Auth.OAuth;

namespace Bitrix24.PowerShell.Infrastructure.Auth
{
    /// <summary>Connect-B24's application sign-in, kept apart from the webhook prompts: the SecureStrings are
    /// opened here, at the last moment, and never logged.</summary>
    internal static class OAuthSignIn
    {
        /// <summary>With a client id, secret and refresh token (the pair goes to the cache at once).</summary>
        public static B24Client WithRefreshToken(string portal, string clientId, SecureString clientSecret, SecureString refreshToken,
            SecureString? accessToken, string? tokenServer, string? tokenCachePath, B24ClientOptions options)
        {
            var portalUri = OAuthCredential.ParsePortalForCmdlet(portal);
            var cache = new TokenCache(string.IsNullOrEmpty(tokenCachePath) ? TokenCache.DefaultPath(portalUri) : tokenCachePath!);
            var credential = OAuthCredential.Create(portal, clientId, Open(clientSecret), Open(refreshToken),
                accessToken is null ? null : Open(accessToken), tokenServer, cache);
            return new B24Client(credential, options);
        }

        /// <summary>From the token cache alone (scheduled runs).</summary>
        public static B24Client FromCache(string? portal, string? tokenCachePath, B24ClientOptions options)
        {
            string path;
            if (!string.IsNullOrEmpty(tokenCachePath))
                path = tokenCachePath!;
            else if (!string.IsNullOrEmpty(portal))
                path = TokenCache.DefaultPath(OAuthCredential.ParsePortalForCmdlet(portal!));
            else
                throw new ArgumentException("Pass -Portal (for the default cache of that portal) or -TokenCachePath.");
            return new B24Client(OAuthCredential.FromCache(new TokenCache(path), string.IsNullOrEmpty(portal) ? null : portal), options);
        }

        private static string Open(SecureString value) => new NetworkCredential(string.Empty, value).Password;
    }
}
