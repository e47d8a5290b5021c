using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Http
{
    /// <summary>Turns <c>{portal}/rest/{method}</c> into the authenticated request for one attempt, then puts
    /// the plain URI back: the handlers outside (retry, pacing) never see a secret, and a retried request is
    /// authenticated afresh rather than twice.</summary>
    internal sealed class AuthHandler : DelegatingHandler
    {
        private readonly IB24Credential credential;

        public AuthHandler(IB24Credential credential) => this.credential = credential;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var plain = request.RequestUri;
            credential.Authenticate(request);
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
