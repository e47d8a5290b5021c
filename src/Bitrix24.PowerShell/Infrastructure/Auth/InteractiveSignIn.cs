using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client;
using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Errors;

namespace Bitrix24.PowerShell.Infrastructure.Auth
{
    /// <summary>
    /// Connect-B24 -Interactive: the documented authorization-code flow for a person at a keyboard
    /// (settings__oauth__index.md). A loopback listener is the redirect target; the portal's authorize page
    /// gets a random state; the browser is opened when there is one (the address is always printed by the
    /// cmdlet); the code that comes back is checked against the state and exchanged at once (it lives 30 s),
    /// and the issued pair goes to the token cache like any refresh-token sign-in. Nothing secret is printed:
    /// the authorize address carries only the client id and the state.
    /// </summary>
    internal sealed class InteractiveSignIn : IDisposable
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        private readonly LoopbackRedirectReceiver receiver;
        private readonly string state;

        private InteractiveSignIn(string portal, string clientId, LoopbackRedirectReceiver receiver)
        {
            Portal = OAuthCredential.ParsePortalForCmdlet(portal);
            ClientId = clientId;
            this.receiver = receiver;
            state = OAuthCredential.NewState();
            AuthorizeUri = OAuthCredential.AuthorizeUri(Portal.AbsoluteUri, clientId, state, receiver.RedirectUri);
        }

        /// <summary>Checks the portal address, then listens on 127.0.0.1:<paramref name="port"/> (0: a free port).</summary>
        public static InteractiveSignIn Start(string portal, string clientId, int port)
        {
            OAuthCredential.ParsePortalForCmdlet(portal);
            var receiver = LoopbackRedirectReceiver.Start(port);
            try
            {
                return new InteractiveSignIn(portal, clientId, receiver);
            }
            catch
            {
                receiver.Dispose();
                throw;
            }
        }

        public Uri Portal { get; }
        public string ClientId { get; }

        /// <summary>The address to open: the portal's authorize page (client id and state only).</summary>
        public Uri AuthorizeUri { get; }

        /// <summary>http://127.0.0.1:PORT/ — the redirect address the application must have.</summary>
        public Uri RedirectUri => receiver.RedirectUri;

        /// <summary>What the cmdlet prints before it waits (<paramref name="freePort"/>: no -RedirectPort was given).</summary>
        public string Instructions(TimeSpan timeout, bool freePort) =>
            "Sign in to " + Portal + " as application " + ClientId + ": open this address in a browser" + Environment.NewLine
            + "  " + AuthorizeUri + Environment.NewLine
            + "The application's redirect address must be " + RedirectUri
            + (freePort ? " (a free port: a portal that redirects to the address in the application's settings needs that port registered there and passed as -RedirectPort)" : "")
            + ". Waiting up to " + Describe(timeout) + " for the portal's answer; Ctrl+C cancels.";

        /// <summary>Opens the authorize page in the default browser where there is a desktop; null when
        /// started, otherwise why not (the printed address is then the way).</summary>
        public string? TryOpenBrowser()
        {
            var url = AuthorizeUri.AbsoluteUri;
            ProcessStartInfo start;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                start = new ProcessStartInfo(url) { UseShellExecute = true };
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                start = new ProcessStartInfo("open", "\"" + url + "\"") { UseShellExecute = false };
            else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
                return "there is no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)";
            else
                start = new ProcessStartInfo("xdg-open", "\"" + url + "\"") { UseShellExecute = false };
            start.RedirectStandardOutput = !start.UseShellExecute;
            start.RedirectStandardError = !start.UseShellExecute;
            try
            {
                using (Process.Start(start))
                    return null;
            }
            catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is PlatformNotSupportedException)
            {
                return "no browser could be started (" + e.GetType().Name + ")";
            }
        }

        /// <summary>
        /// Waits for the redirect (at most <paramref name="timeout"/>; <paramref name="cancellationToken"/> is
        /// Ctrl+C), checks it and exchanges the code. Failures are B24Exceptions with the code and the next step.
        /// </summary>
        public async Task<B24Client> CompleteAsync(SecureString clientSecret, string? tokenServer, string? tokenCachePath, B24ClientOptions options,
            TimeSpan timeout, CancellationToken cancellationToken)
        {
            AuthorizationRedirect redirect;
            using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                waiting.CancelAfter(timeout);
                try
                {
                    redirect = await receiver.WaitAsync(state, waiting.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new B24Exception(B24ErrorCodes.AuthorizationNotReceived, "No sign-in came back from " + Portal + " within " + Describe(timeout)
                        + ". If the portal showed an error page (the application is not installed, or its redirect address is not " + RedirectUri
                        + "), fix that and run Connect-B24 -Interactive again; register http://127.0.0.1:<port>/ as the application's redirect address "
                        + "and pass that port with -RedirectPort.");
                }
            }

            if (!redirect.StateMatched)
                throw new B24Exception(B24ErrorCodes.AuthorizationStateMismatch, "The redirect to " + RedirectUri + " carried a state this sign-in did not send, "
                    + "so it may come from another page; its code was not exchanged. Run Connect-B24 -Interactive again and open only the address it prints.");
            if (redirect.Error is { } error)
                throw new B24Exception(error, "The portal refused the sign-in" + (string.IsNullOrEmpty(redirect.ErrorDescription) ? "" : " (" + redirect.ErrorDescription + ")")
                    + ": nothing was exchanged. Allow the application's access on the portal, then run Connect-B24 -Interactive again.");

            var cache = new TokenCache(string.IsNullOrEmpty(tokenCachePath) ? TokenCache.DefaultPath(Portal) : tokenCachePath!);
            var credential = await OAuthCredential.FromAuthorizationCodeAsync(Portal.AbsoluteUri, ClientId,
                new NetworkCredential(string.Empty, clientSecret).Password, redirect.Code!, tokenServer, cache, cancellationToken).ConfigureAwait(false);
            return new B24Client(credential, options);
        }

        public void Dispose() => receiver.Dispose();

        private static string Describe(TimeSpan span)
            => span.TotalSeconds < 120 ? Math.Round(span.TotalSeconds) + " s" : Math.Round(span.TotalMinutes) + " minutes";
    }
}
