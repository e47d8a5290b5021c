using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// What the request pipeline needs from a credential: apply it to a request (async, so a token can be
    /// fetched or a cache read), renew it after the portal answered <c>401 expired_token</c>, and mask every
    /// secret it has ever held. Webhooks never renew; OAuth derives from <see cref="RenewableCredential"/>, which
    /// makes concurrent callers share one renewal.
    /// </summary>
    internal interface IB24Credential
    {
        /// <summary>Portal root, ending with a slash.</summary>
        Uri Portal { get; }

        int UserId { get; }

        /// <summary>"Webhook" or "OAuth".</summary>
        string AuthType { get; }

        /// <summary>True for an application's credential (OAuth): application-only methods need it.</summary>
        bool IsApplicationContext { get; }

        /// <summary>The endpoint with every secret masked, safe to show.</summary>
        string MaskedUrl { get; }

        /// <summary>Rewrites the unauthenticated <c>{portal}/rest/{method}</c> into the authenticated request
        /// for one attempt. Returns a stamp of the credential's state used, to hand to <see cref="RenewAsync"/>.</summary>
        Task<long> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>
        /// The portal refused a request applied with <paramref name="appliedStamp"/> as expired. True when the
        /// call may go again (this renewed, or another caller already did since that stamp); false when this
        /// credential cannot renew (webhooks), so the refusal stands. Throws B24Exception when renewal failed.
        /// </summary>
        Task<bool> RenewAsync(long appliedStamp, CancellationToken cancellationToken);

        /// <summary>Masks every secret in <paramref name="text"/> (a URL, an exception message), tokens that
        /// have since rotated included.</summary>
        string Redact(string text);
    }
}
