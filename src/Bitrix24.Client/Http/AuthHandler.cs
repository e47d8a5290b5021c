using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Http
{
    /// <summary>Authenticates one attempt (the URI and body outside stay plain: the handlers outside, retry and
    /// pacing, never see a secret, and a retried request is authenticated afresh rather than twice). On
    /// <c>401 expired_token</c> it asks the credential to renew (one shared refresh for concurrent callers)
    /// and repeats the attempt once: the portal refused the request before running it, so even a write is
    /// safe to send again.</summary>
    internal sealed class AuthHandler : DelegatingHandler
    {
        private readonly IB24Credential credential;

        public AuthHandler(IB24Credential credential) => this.credential = credential;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await SendAuthenticatedAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.Response.StatusCode != 401 || response.Response.Content is null)
                return response.Response;
            var code = ResponseReader.TryReadErrorCode(await response.Response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            if (!string.Equals(code, B24ErrorCodes.ExpiredToken, System.StringComparison.Ordinal)
                || !await credential.RenewAsync(response.Applied, cancellationToken).ConfigureAwait(false))
                return response.Response;
            response.Response.Dispose();
            return (await SendAuthenticatedAsync(request, cancellationToken).ConfigureAwait(false)).Response;
        }

        private async Task<(HttpResponseMessage Response, string? Applied)> SendAuthenticatedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var plainUri = request.RequestUri;
            var plainContent = request.Content;
            var applied = await credential.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                return (await base.SendAsync(request, cancellationToken).ConfigureAwait(false), applied);
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
