using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

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

        /// <summary>Rewrites the unauthenticated <c>{portal}/rest/{method}</c> into the authenticated request
        /// (webhook: the code in the path; OAuth: the token in the <c>auth</c> parameter). Returns what was
        /// applied, to hand back to <see cref="RenewAsync"/> when the portal calls it expired.</summary>
        Task<string?> AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>After <c>401 expired_token</c> for a request authenticated with <paramref name="applied"/>:
        /// true when fresh credentials are in place and the call may be repeated (webhooks: never). Concurrent
        /// callers that saw the same token expire share one renewal.</summary>
        Task<bool> RenewAsync(string? applied, CancellationToken cancellationToken);

        /// <summary>Masks every secret in <paramref name="text"/> (a URL, an exception message).</summary>
        string Redact(string text);
    }
}
