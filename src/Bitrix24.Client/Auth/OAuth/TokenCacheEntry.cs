using System;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>What the cache holds: everything a scheduled run needs to sign in alone.</summary>
    internal sealed class TokenCacheEntry
    {
        public TokenCacheEntry(Uri portal, string clientId, string clientSecret, Uri tokenServer, OAuthTokens tokens)
        {
            Portal = portal;
            ClientId = clientId;
            ClientSecret = clientSecret;
            TokenServer = tokenServer;
            Tokens = tokens;
        }

        public Uri Portal { get; }
        public string ClientId { get; }
        public string ClientSecret { get; }
        public Uri TokenServer { get; }
        public OAuthTokens Tokens { get; }

        public override string ToString() => "TokenCacheEntry " + Portal + " (secrets hidden)";
    }
}
