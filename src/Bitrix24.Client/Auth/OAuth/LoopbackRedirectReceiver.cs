using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// The redirect target of the interactive sign-in: a tiny HTTP server on 127.0.0.1 (a free port, or the one
    /// the application's redirect address names) that waits for the browser to come back from the portal's
    /// authorize page with <c>code</c> and <c>state</c>. A plain TCP listener rather than HttpListener: on
    /// Windows HttpListener needs a URL reservation for 127.0.0.1, and port 0 gives a free port without a race.
    /// Each browser connection is served on its own (browsers open idle pre-connections); requests without
    /// <c>code</c> or <c>error</c> (favicon.ico, a reload of the page) get 404 and the wait goes on. The first
    /// redirect that carries an answer ends the wait and gets a short page saying the window can be closed.
    /// The code is a secret for its 30 seconds: it is never logged.
    /// </summary>
    public sealed class LoopbackRedirectReceiver : IDisposable
    {
        private const int MaxRequestBytes = 16 * 1024;
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

        private readonly TcpListener listener;
        private int disposed;

        private LoopbackRedirectReceiver(TcpListener listener)
        {
            this.listener = listener;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            RedirectUri = new Uri("http://127.0.0.1:" + Port + "/");
        }

        /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port). A port in use is an
        /// INVALID_ARGUMENT B24Exception that names it.</summary>
        public static LoopbackRedirectReceiver Start(int port = 0)
        {
            if (port < 0 || port > 65535)
                throw new ArgumentOutOfRangeException(nameof(port));
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.ExclusiveAddressUse = true;
            try
            {
                listener.Start();
            }
            catch (SocketException e)
            {
                throw new B24Exception(B24ErrorCodes.InvalidArgument, "Cannot listen on 127.0.0.1:" + port + " for the portal's redirect ("
                    + e.SocketErrorCode + "): another program uses the port. Close it, or register another redirect address with the "
                    + "application and pass its port with -RedirectPort.", inner: e);
            }
            return new LoopbackRedirectReceiver(listener);
        }

        /// <summary>The port listened on.</summary>
        public int Port { get; }

        /// <summary>http://127.0.0.1:PORT/ — what the application's redirect address must be.</summary>
        public Uri RedirectUri { get; }

        /// <summary>
        /// Waits for the redirect until <paramref name="cancellationToken"/> ends the wait (Ctrl+C, a timeout).
        /// A <c>state</c> other than <paramref name="expectedState"/> ends it too, as a refusal: such a redirect
        /// did not come from this sign-in, and its code is not exchanged.
        /// </summary>
        public async Task<AuthorizationRedirect> WaitAsync(string expectedState, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<AuthorizationRedirect>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken)))
            {
                var accepting = AcceptLoopAsync(expectedState, answer);
                try
                {
                    return await answer.Task.ConfigureAwait(false);
                }
                finally
                {
                    Dispose();
                    try
                    {
                        await accepting.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The listener was stopped under the accept: that is how the loop ends.
                    }
                }
            }
        }

        private async Task AcceptLoopAsync(string expectedState, TaskCompletionSource<AuthorizationRedirect> answer)
        {
            while (!answer.Task.IsCompleted)
            {
                TcpClient connection;
                try
                {
                    connection = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return;
                }
                _ = ServeAsync(connection, expectedState, answer);
            }
        }

        private static async Task ServeAsync(TcpClient connection, string expectedState, TaskCompletionSource<AuthorizationRedirect> answer)
        {
            using (connection)
            using (var timeout = new CancellationTokenSource(ReadTimeout))
            {
                try
                {
                    var stream = connection.GetStream();
                    var target = await ReadRequestTargetAsync(stream, timeout.Token).ConfigureAwait(false);
                    if (target is null)
                        return;
                    var query = ParseQuery(target);
                    query.TryGetValue("code", out var code);
                    query.TryGetValue("error", out var error);
                    if (string.IsNullOrEmpty(code) && string.IsNullOrEmpty(error))
                    {
                        await RespondAsync(stream, 404, "Not found", "This address only receives the portal's sign-in redirect.").ConfigureAwait(false);
                        return;
                    }
                    query.TryGetValue("state", out var state);
                    AuthorizationRedirect redirect;
                    if (!string.Equals(state, expectedState, StringComparison.Ordinal))
                    {
                        redirect = AuthorizationRedirect.StateMismatch();
                        await RespondAsync(stream, 400, "Sign-in refused",
                            "This answer does not belong to the sign-in PowerShell started (its state does not match), so it was not used. Close this window and run Connect-B24 again.").ConfigureAwait(false);
                    }
                    else if (!string.IsNullOrEmpty(error))
                    {
                        query.TryGetValue("error_description", out var description);
                        redirect = AuthorizationRedirect.Failed(error!, description);
                        await RespondAsync(stream, 200, "Sign-in failed",
                            "The portal answered " + error + ". Close this window and return to PowerShell.").ConfigureAwait(false);
                    }
                    else
                    {
                        query.TryGetValue("domain", out var domain);
                        redirect = AuthorizationRedirect.Approved(code!, domain);
                        await RespondAsync(stream, 200, "Signed in",
                            "Bitrix24 sign-in received. You can close this window and return to PowerShell.").ConfigureAwait(false);
                    }
                    answer.TrySetResult(redirect);
                }
                catch (Exception e) when (e is System.IO.IOException || e is SocketException || e is OperationCanceledException || e is ObjectDisposedException)
                {
                    // A connection that closed or stayed silent (a browser's pre-connection): not the redirect.
                }
            }
        }

        /// <summary>The target of a GET request line ("/?code=…&amp;state=…"), or null for anything else.</summary>
        private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[MaxRequestBytes];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
                if (IndexOf(buffer, length, "\r\n\r\n") >= 0)
                    break;
            }
            var lineEnd = IndexOf(buffer, length, "\r\n");
            if (lineEnd < 0)
                return null;
            var parts = Encoding.ASCII.GetString(buffer, 0, lineEnd).Split(' ');
            if (parts.Length != 3 || !string.Equals(parts[0], "GET", StringComparison.Ordinal) || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
                return null;
            return parts[1];
        }

        private static int IndexOf(byte[] buffer, int length, string text)
        {
            for (var i = 0; i + text.Length <= length; i++)
            {
                var match = true;
                for (var j = 0; j < text.Length && match; j++)
                    match = buffer[i + j] == (byte)text[j];
                if (match)
                    return i;
            }
            return -1;
        }

        internal static Dictionary<string, string> ParseQuery(string target)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var start = target.IndexOf('?');
            if (start < 0)
                return values;
            foreach (var pair in target.Substring(start + 1).Split('&'))
            {
                if (pair.Length == 0)
                    continue;
                var eq = pair.IndexOf('=');
                var name = Unescape(eq < 0 ? pair : pair.Substring(0, eq));
                if (!values.ContainsKey(name))
                    values[name] = eq < 0 ? string.Empty : Unescape(pair.Substring(eq + 1));
            }
            return values;
        }

        private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        private static async Task RespondAsync(NetworkStream stream, int status, string title, string message)
        {
            var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) + " - Bitrix24 PowerShell</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h1>" + WebUtility.HtmlEncode(title) + "</h1><p>" + WebUtility.HtmlEncode(message) + "</p></body></html>";
            var body = Encoding.UTF8.GetBytes(html);
            var reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : "Not Found";
            var head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.Length
                + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                listener.Stop();
        }
    }

    /// <summary>What came back to the redirect address. The code is a secret (single use, 30 s): never print it.</summary>
    public sealed class AuthorizationRedirect
    {
        private AuthorizationRedirect(string? code, string? domain, string? error, string? errorDescription, bool stateMatched)
        {
            Code = code;
            Domain = domain;
            Error = error;
            ErrorDescription = errorDescription;
            StateMatched = stateMatched;
        }

        internal static AuthorizationRedirect Approved(string code, string? domain) => new AuthorizationRedirect(code, domain, null, null, true);
        internal static AuthorizationRedirect Failed(string error, string? description) => new AuthorizationRedirect(null, null, error, description, true);
        internal static AuthorizationRedirect StateMismatch() => new AuthorizationRedirect(null, null, null, null, false);

        /// <summary>The authorization code, when the portal approved.</summary>
        public string? Code { get; }

        /// <summary>The portal's address as the redirect named it (domain).</summary>
        public string? Domain { get; }

        /// <summary>An OAuth error code (access_denied…), when the redirect carried one.</summary>
        public string? Error { get; }

        public string? ErrorDescription { get; }

        /// <summary>False when the redirect's state was not this sign-in's (its code, if any, is dropped).</summary>
        public bool StateMatched { get; }

        public override string ToString() => Code is not null ? "AuthorizationRedirect (code hidden)" : "AuthorizationRedirect (" + (Error ?? "state mismatch") + ")";
    }
}
