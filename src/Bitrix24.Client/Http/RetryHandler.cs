using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Http
{
    /// <summary>Outermost policy: asks <see cref="RetryClassifier"/> about each attempt and repeats what it
    /// allows, at most MaxRetries back-offs and one renewal per call. It sits outside pacing and auth on
    /// purpose, so every attempt waits for its own pacing token and is authenticated with the current secret.</summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryRules rules;
        private readonly IB24Credential credential;
        private readonly Action<string>? log;

        public RetryHandler(RetryRules rules, IB24Credential credential, Action<string>? log)
        {
            this.rules = rules;
            this.credential = credential;
            this.log = log;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var kind = RequestState.KindOf(request);
            var renewed = false;
            for (var retry = 0; ; )
            {
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when ((e is HttpRequestException || e is TimeoutException) && !cancellationToken.IsCancellationRequested)
                {
                    var onFailure = RetryClassifier.ForTransport(kind, e);
                    if (onFailure == RetryDecision.ReportOutcomeUnknown)
                        throw OutcomeUnknown(request, e is TimeoutException ? "no answer in time" : "the connection failed after sending");
                    if (onFailure != RetryDecision.BackOffAndRetry || retry >= rules.MaxRetries)
                        throw;
                    await BackOffAsync(request, retry++, null, e.GetType().Name, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var status = (int)response.StatusCode;
                if (status < 400 || response.Content is null)
                    return response;
                var code = ResponseReader.TryReadErrorCode(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
                switch (RetryClassifier.ForResponse(kind, status, code))
                {
                    case RetryDecision.BackOffAndRetry when retry < rules.MaxRetries:
                        var retryAfter = response.Headers.RetryAfter;
                        response.Dispose();
                        await BackOffAsync(request, retry++, retryAfter, status + " " + code, cancellationToken).ConfigureAwait(false);
                        continue;
                    case RetryDecision.RenewThenRetry when !renewed:
                        renewed = true;
                        if (!await credential.RenewAsync(RequestState.CredentialStampOf(request), cancellationToken).ConfigureAwait(false))
                            return response; // webhooks never renew: the refusal stands
                        response.Dispose();
                        B24Log.Write(log, "Renewed the credential after " + status + " " + code + "; repeating " + request.RequestUri?.AbsolutePath);
                        continue;
                    case RetryDecision.ReportOutcomeUnknown:
                        response.Dispose();
                        throw OutcomeUnknown(request, "the gateway answered " + status);
                    default:
                        return response;
                }
            }
        }

        private async Task BackOffAsync(HttpRequestMessage request, int retry, System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, string reason, CancellationToken cancellationToken)
        {
            var delay = rules.Delay(retry, retryAfter);
            // The URI here is still the unauthenticated {portal}/rest/{method}: no secret to redact.
            B24Log.Write(log, "Retry " + (retry + 1) + "/" + rules.MaxRetries + " of " + request.RequestUri?.AbsolutePath
                + " after " + reason + " in " + (long)delay.TotalMilliseconds + " ms");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        private static B24Exception OutcomeUnknown(HttpRequestMessage request, string what)
        {
            var path = request.RequestUri?.OriginalString ?? "";
            var method = path.Substring(path.LastIndexOf('/') + 1);
            return new B24Exception(B24ErrorCodes.OutcomeUnknown,
                "The write was sent but " + what + ": the portal may or may not have run it, so it was not sent again.", null, method);
        }
    }
}
