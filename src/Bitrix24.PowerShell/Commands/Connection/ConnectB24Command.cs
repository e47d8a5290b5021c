using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using Bitrix24.Client;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Auth;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Bitrix24 portal with an inbound webhook or as an OAuth application and makes it the session's current connection.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "B24", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(B24Client))]
    [B24Method("user.get")]
    public sealed class ConnectB24Command : B24CmdletBase
    {
        private const string UrlSet = "Url";
        private const string SecureSet = "Secure";
        private const string EnvironmentSet = "Environment";
        private const string OAuthSet = "OAuth";
        private const string OAuthCacheSet = "OAuthCache";
        private const string InteractiveSet = "Interactive";

        /// <summary>Portal address for an application sign-in: https://your-portal.bitrix24.com/</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = OAuthCacheSet)]
        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        [ValidateNotNullOrEmpty]
        public string? Portal { get; set; }

        /// <summary>The application's client id (client_id).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        /// <summary>The application's client secret (client_secret): a SecureString or a PSCredential; prompted for
        /// (masked) when left out in an interactive session.</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [SecretArgument]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>A refresh token of the application; it rotates on every refresh and the new one goes to the cache.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [SecretArgument]
        [ValidateNotNull]
        public SecureString? RefreshToken { get; set; }

        /// <summary>A still-valid access token, when the caller has one (saves the first refresh).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [SecretArgument]
        public SecureString? AccessToken { get; set; }

        /// <summary>The authorization server (default https://oauth.bitrix.info/; on-premise portals, the emulator).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [ValidateNotNullOrEmpty]
        public string? TokenServer { get; set; }

        /// <summary>The token cache file (default: per user and portal under LocalApplicationData/Bitrix24/tokens).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = OAuthCacheSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [ValidateNotNullOrEmpty]
        public string? TokenCachePath { get; set; }

        /// <summary>Signs in a person at a keyboard: the portal's authorize page in a browser, the code back to a
        /// loopback listener, exchanged at once.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        public SwitchParameter Interactive { get; set; }

        /// <summary>The port of the loopback listener (the application's redirect address
        /// http://127.0.0.1:PORT/); default: a free port.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [ValidateRange(1, 65535)]
        public int RedirectPort { get; set; }

        /// <summary>Only prints the address to open, without starting a browser.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>How long to wait for the portal's redirect (seconds or a TimeSpan; default 5 minutes).</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [SecondsToTimeSpan]
        public TimeSpan SignInTimeout { get; set; } = InteractiveSignIn.DefaultTimeout;

        /// <summary>Signs in from the token cache alone (a scheduled run after one sign-in with -RefreshToken).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthCacheSet)]
        public SwitchParameter FromTokenCache { get; set; }

        /// <summary>Webhook URL: https://portal/rest/{userId}/{code}/</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UrlSet)]
        [Alias("WebhookUrl")]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = "";

        /// <summary>The webhook URL as a SecureString or a PSCredential (its password), so it need not appear in
        /// scripts or history.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecureSet)]
        [SecretArgument]
        [ValidateNotNull]
        public SecureString? Webhook { get; set; }

        [Parameter]
        [ValidateRange(0.1, 1000)]
        public double RequestsPerSecond { get; set; } = 2;

        [Parameter]
        [ValidateRange(1, 10000)]
        public int Burst { get; set; } = 50;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 5;

        /// <summary>How long one command may wait in all for methods' operating-time budgets (seconds or a
        /// TimeSpan; default 15 minutes) before the items it still holds fail with OPERATION_TIME_LIMIT.</summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan MaxOperatingWait { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Writes the connection to the pipeline (for -Connection on later calls).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            if (ParameterSetName == OAuthSet || ParameterSetName == OAuthCacheSet || ParameterSetName == InteractiveSet)
            {
                ConnectApplication();
                return;
            }
            var url = WebhookUrl(out var whyNoPrompt);
            if (url is null)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "No webhook URL: pass -Url or -Webhook, or set the " + ClientFactory.WebhookVariable + " environment variable"
                    + (whyNoPrompt is null ? "." : "; it was not prompted for because " + whyNoPrompt + "."), null));
                return;
            }

            B24Client client;
            try
            {
                client = ClientFactory.Create(url, Options());
            }
            catch (ArgumentException ex)
            {
                // The client's message never repeats the code; the URL itself is never used as target.
                Fail(ErrorRecords.InvalidArgument(ex.Message, null, ex));
                return;
            }

            Finish(client);
        }

        /// <summary>The connection's limits as given (a negative wait is refused by the options' own check).</summary>
        private B24ClientOptions Options() => new B24ClientOptions
        {
            RequestsPerSecond = RequestsPerSecond,
            Burst = Burst,
            MaxRetries = MaxRetries,
            MaxOperatingWait = MaxOperatingWait,
        };

        private void ConnectApplication()
        {
            var options = Options();
            if (ParameterSetName == InteractiveSet && SecretPrompt.WhyNot(Host) is { } nobody)
            {
                Fail(ErrorRecords.InvalidArgument("The interactive sign-in needs a person at a browser; it was not started because " + nobody
                    + ". In scripts sign in from the cache (-FromTokenCache) or with -RefreshToken.", null));
                return;
            }
            if (ParameterSetName != OAuthCacheSet && ClientSecret is null)
            {
                ClientSecret = SecretPrompt.Read(this, "Client secret of application " + ClientId, out var whyNot);
                if (ClientSecret is null)
                {
                    Fail(ErrorRecords.InvalidArgument("No client secret: pass -ClientSecret (a SecureString or a PSCredential); it was not "
                        + "prompted for because " + whyNot + ".", null));
                    return;
                }
            }
            B24Client client;
            try
            {
                var cachePath = TokenCachePath is null ? null : GetUnresolvedProviderPathFromPSPath(TokenCachePath);
                client = ParameterSetName switch
                {
                    OAuthSet => OAuthSignIn.WithRefreshToken(Portal!, ClientId!, ClientSecret!, RefreshToken!, AccessToken, TokenServer, cachePath, options),
                    InteractiveSet => SignInInteractively(cachePath, options),
                    _ => OAuthSignIn.FromCache(Portal, cachePath, options),
                };
            }
            catch (ArgumentException ex)
            {
                Fail(ErrorRecords.InvalidArgument(ex.Message, null, ex));
                return;
            }
            catch (B24Exception ex)
            {
                Fail(ErrorRecords.From(ex, Portal));
                return;
            }
            Finish(client);
        }

        /// <summary>Listens, prints the address (to the host, tagged Bitrix24.SignIn, and alone tagged Bitrix24.AuthorizeUri),
        /// opens the browser unless -NoBrowser, and waits on the pipeline thread so Ctrl+C stops it.</summary>
        private B24Client SignInInteractively(string? cachePath, B24ClientOptions options)
        {
            if (SignInTimeout <= TimeSpan.Zero)
                throw new ArgumentException("-SignInTimeout must be positive (seconds or a TimeSpan).");
            using var signIn = InteractiveSignIn.Start(Portal!, ClientId!, RedirectPort);
            WriteInformation(new HostInformationMessage { Message = signIn.Instructions(SignInTimeout, RedirectPort == 0) }, new[] { "PSHOST", "Bitrix24.SignIn" });
            WriteInformation(new InformationRecord(signIn.AuthorizeUri.AbsoluteUri, "Connect-B24") { Tags = { "Bitrix24.AuthorizeUri" } });
            if (!NoBrowser && signIn.TryOpenBrowser() is { } whyNot)
                WriteVerbose("The browser was not opened: " + whyNot + "; open the address above yourself.");
            return Await(token => signIn.CompleteAsync(ClientSecret!, TokenServer, cachePath, options, SignInTimeout, token));
        }

        private void Finish(B24Client client)
        {
            try
            {
                VerifyConnection(client);
            }
            catch (B24Exception ex)
            {
                client.Dispose();
                Fail(ErrorRecords.From(ex, client.Endpoint));
            }

            ConnectionStore.Current = client;
            WriteVerbose("Connected to " + client.Endpoint + " as user " + client.UserId + ".");
            if (PassThru)
                WriteObject(client);
        }

        /// <summary>
        /// A failed connect is terminating, and the session's previous connection stops being current: the
        /// next command of a script that meant the new portal must not run against the old one
        /// (Connect-B24 -Url $portalB; Get-B24Workflow | Remove-B24Workflow). The old object is not disposed,
        /// as a variable may still hold it (-PassThru) and keep using it explicitly with -Connection.
        /// </summary>
        private void Fail(ErrorRecord error)
        {
            ConnectionStore.Current = null;
            ThrowTerminatingError(error);
        }

        /// <summary>The URL from -Url, -Webhook, B24_WEBHOOK_URL, or else a masked prompt where someone can answer
        /// (<paramref name="whyNoPrompt"/>: why not, when nothing came).</summary>
        private string? WebhookUrl(out string? whyNoPrompt)
        {
            whyNoPrompt = null;
            switch (ParameterSetName)
            {
                case UrlSet:
                    return Url;
                case SecureSet:
                    return new NetworkCredential(string.Empty, Webhook).Password;
                default:
                    var fromEnvironment = Environment.GetEnvironmentVariable(ClientFactory.WebhookVariable);
                    if (!string.IsNullOrWhiteSpace(fromEnvironment))
                        return fromEnvironment;
                    var prompted = SecretPrompt.Read(this, "Webhook URL (https://<portal>/rest/<user>/<code>/)", out whyNoPrompt);
                    return prompted is null ? null : new NetworkCredential(string.Empty, prompted).Password;
            }
        }
    }
}
