using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Http
{
    /// <summary>Applies the credential to one attempt (webhook: the code in the path; OAuth: the token in the
    /// <c>auth</c> parameter), records which state of the credential it used (so a renewal after expired_token
    /// knows whether someone else already renewed), then puts the plain URI and body back: the handlers outside
    /// (retry, pacing) never see a secret, and a retried request is authenticated afresh rather than twice.
    /// Renewal itself is the retry handler's (<see cref="RetryClassifier"/>), so a renewed call goes again
    /// through pacing too.</summary>
    internal sealed class AuthHandler : DelegatingHandler
    {
        private readonly IB24Credential credential;

        public AuthHandler(IB24Credential credential) => this.credential = credential;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var plainUri = request.RequestUri;
            var plainContent = request.Content;
            var stamp = await credential.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            RequestState.SetCredentialStamp(request, stamp);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!ReferenceEquals(request.Content, plainContent))
                    request.Content?.Dispose();
                request.RequestUri = plainUri;
                request.Content = plainContent;
            }
        }
    }
}
