using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Internal;

namespace Bitrix24.Client.Http
{
    /// <summary>
    /// Per-attempt timeout, innermost so that pacing waits and retry back-offs never count against it. It
    /// also reads the body into memory under the same deadline (HttpClient would otherwise buffer it
    /// outside the handlers), and reports expiry as <see cref="TimeoutException"/> so callers can tell it
    /// from the user's own cancellation.
    /// </summary>
    internal sealed class TimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan timeout;

        public TimeoutHandler(TimeSpan timeout) => this.timeout = timeout;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
                if (response.Content is not null)
                    await response.Content.LoadIntoBufferAsync().WithCancellation(deadline.Token).ConfigureAwait(false);
                return response;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                throw new TimeoutException("No answer within " + timeout.TotalSeconds + " s.");
            }
            catch
            {
                response?.Dispose();
                throw;
            }
        }
    }
}
