using System;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>One pair of tokens as the token server issued it. Secrets: never print an instance's fields.</summary>
    internal sealed class OAuthTokens
    {
        public OAuthTokens(string? accessToken, string refreshToken, DateTimeOffset? expiresAt, Uri? clientEndpoint, int userId, string? memberId, string? scope)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            ExpiresAt = expiresAt;
            ClientEndpoint = clientEndpoint;
            UserId = userId;
            MemberId = memberId;
            Scope = scope;
        }

        /// <summary>Null when only a refresh token is known (the first call then renews).</summary>
        public string? AccessToken { get; }
        public string RefreshToken { get; }
        public DateTimeOffset? ExpiresAt { get; }
        /// <summary>{portal}/rest/ as the token server names it.</summary>
        public Uri? ClientEndpoint { get; }
        public int UserId { get; }
        public string? MemberId { get; }
        public string? Scope { get; }

        public override string ToString() => "OAuthTokens (secrets hidden)";
    }
}
