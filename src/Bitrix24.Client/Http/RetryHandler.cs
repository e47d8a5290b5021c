using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Http
{
    /// <summary>Outermost policy: repeats what <see cref="RetryRules"/> calls retriable, at most MaxRetries
    /// times. It sits outside pacing on purpose, so every attempt waits for its own pacing token.</summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryRules rules;
        private readonly Action<string>? log;

        public RetryHandler(RetryRules rules, Action<string>? log)
        {
            this.rules = rules;
            this.log = log;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var retry = 0; ; retry++)
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (retry >= rules.MaxRetries || response.Content is null)
                    return response;

                var status = (int)response.StatusCode;
                if (status < 500)
                    return response;
                var code = ResponseReader.TryReadErrorCode(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
                if (!RetryRules.IsRetriable(status, code))
                    return response;

                var delay = rules.Delay(retry, response.Headers.RetryAfter);
                response.Dispose();
                // The URI here is still the unauthenticated {portal}/rest/{method}: no secret to redact.
                B24Log.Write(log, "Retry " + (retry + 1) + "/" + rules.MaxRetries + " of " + request.RequestUri?.AbsolutePath
                    + " after " + status + " " + code + " in " + (long)delay.TotalMilliseconds + " ms");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
