using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;

namespace Bitrix24.Client.Http
{
    /// <summary>One line per HTTP exchange: <c>POST https://portal/rest/1/***/user.get -> 200 (41 ms)</c>.
    /// Only the redacted URL, the status and the time: never exception messages (they may quote the URL), and
    /// bodies only where a caller asked for them (<see cref="B24Log.CaptureBodies"/>, PowerShell's -Debug), redacted.</summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        /// <summary>Longest body text shown; the rest is cut (a keyset page can be megabytes).</summary>
        internal const int BodyLimit = 4000;

        // JSON or form values of keys that carry secrets, whatever the connection knows of them.
        private static readonly Regex SecretJson = new Regex(
            "(\"(?:auth|access_token|refresh_token|client_secret|password|application_token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex SecretForm = new Regex(
            "((?:^|[?&])(?:auth|access_token|refresh_token|client_secret|password|application_token)=)[^&]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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
            var bodies = B24Log.BodiesWanted;
            if (bodies)
                B24Log.WriteBody("Request " + target + " " + await BodyOf(request.Content).ConfigureAwait(false));
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                B24Log.Write(log, target + " -> " + (int)response.StatusCode + " (" + watch.ElapsedMilliseconds + " ms)");
                if (bodies)
                    B24Log.WriteBody("Response " + (int)response.StatusCode + " " + await BodyOf(response.Content).ConfigureAwait(false));
                return response;
            }
            catch (Exception e)
            {
                B24Log.Write(log, target + " -> " + e.GetType().Name + " (" + watch.ElapsedMilliseconds + " ms)");
                throw;
            }
        }

        private async Task<string> BodyOf(HttpContent? content)
        {
            if (content is null)
                return "(no body)";
            // Buffered, so the reader after this handler still gets the whole body.
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
            return Redact(await content.ReadAsStringAsync().ConfigureAwait(false));
        }

        /// <summary>The body as shown: the connection's secrets and secret-named values masked, cut at <see cref="BodyLimit"/>.</summary>
        internal string Redact(string body)
        {
            var text = SecretForm.Replace(SecretJson.Replace(credential.Redact(body), "$1\"***\""), "$1***");
            return text.Length <= BodyLimit ? text : text.Substring(0, BodyLimit) + "… (" + text.Length + " characters in all)";
        }
    }
}
