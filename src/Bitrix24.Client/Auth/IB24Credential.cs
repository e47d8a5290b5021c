using System;
using System.Net.Http;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// What the request pipeline needs from a credential. Webhooks today; OAuth (token in the call, refresh on
    /// 401 expired_token) comes in behind the same seam without touching the other handlers.
    /// </summary>
    internal interface IB24Credential
    {
        /// <summary>Portal root, ending with a slash.</summary>
        Uri Portal { get; }

        int UserId { get; }

        /// <summary>"Webhook" or "OAuth".</summary>
        string AuthType { get; }

        /// <summary>The endpoint with every secret masked, safe to show.</summary>
        string MaskedUrl { get; }

        /// <summary>Rewrites the unauthenticated <c>{portal}/rest/{method}</c> into the authenticated request.</summary>
        void Authenticate(HttpRequestMessage request);

        /// <summary>Masks every secret in <paramref name="text"/> (a URL, an exception message).</summary>
        string Redact(string text);
    }
}
