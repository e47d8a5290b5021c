using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Http
{
    /// <summary>One line per HTTP exchange: <c>POST https://portal/rest/1/***/user.get -> 200 (41 ms)</c>.
    /// Only the redacted URL, the status and the time: never bodies (they may hold personal data) and never
    /// exception messages (they may quote the URL).</summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private readonly IB24Credential credential;
        private readonly Action<string>? log;

        public LoggingHandler(IB24Credential credential, Action<string>? log)
        {
            this.credential = credential;
            this.log = log;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Method + " " + credential.Redact(request.RequestUri?.AbsoluteUri ?? "");
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                B24Log.Write(log, target + " -> " + (int)response.StatusCode + " (" + watch.ElapsedMilliseconds + " ms)");
                return response;
            }
            catch (Exception e)
            {
                B24Log.Write(log, target + " -> " + e.GetType().Name + " (" + watch.ElapsedMilliseconds + " ms)");
                throw;
            }
        }
    }
}
