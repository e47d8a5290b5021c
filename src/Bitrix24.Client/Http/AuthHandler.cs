using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Http
{
    /// <summary>Applies the credential to one attempt (<c>{portal}/rest/{method}</c> becomes the authenticated
    /// request), records which state of the credential it used (so a renewal after expired_token knows whether
    /// someone else already renewed), then puts the plain URI back: the handlers outside (retry, pacing) never
    /// see a secret, and a retried request is authenticated afresh rather than twice.</summary>
    internal sealed class AuthHandler : DelegatingHandler
    {
        private readonly IB24Credential credential;

        public AuthHandler(IB24Credential credential) => this.credential = credential;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var plain = request.RequestUri;
            var stamp = await credential.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            RequestState.SetCredentialStamp(request, stamp);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                request.RequestUri = plain;
            }
        }
    }
}
