using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// An inbound webhook: https://portal/rest/{userId}/{code}/. The code is a secret and never appears in
    /// ToString, logs, errors or exceptions.
    /// </summary>
    public sealed class WebhookCredential : IB24Credential
    {
        private const string Mask = "***";
        private const string Example = "https://your-portal.bitrix24.com/rest/1/xxxxxxxxxxxxxxxx/";

        private WebhookCredential(Uri portal, int userId, string code)
        {
            Portal = portal;
            UserId = userId;
            Code = code;
        }

        /// <summary>Portal root, e.g. https://example.bitrix24.com/ (always ends with a slash).</summary>
        public Uri Portal { get; }

        /// <summary>The user the webhook acts as.</summary>
        public int UserId { get; }

        /// <summary>The secret webhook code.</summary>
        internal string Code { get; }

        string IB24Credential.AuthType => "Webhook";

        /// <summary>A webhook acts as a user, never as an application.</summary>
        bool IB24Credential.IsApplicationContext => false;

        /// <summary>Parses a webhook URL (trailing slash optional). Throws <see cref="ArgumentException"/> with a
        /// message that never repeats the code.</summary>
        public static WebhookCredential Parse(string webhookUrl)
        {
            if (string.IsNullOrWhiteSpace(webhookUrl))
                throw Invalid("The webhook URL is empty.");
            if (!Uri.TryCreate(webhookUrl.Trim(), UriKind.Absolute, out var uri))
                throw Invalid("The webhook URL is not an absolute URL.");
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                throw Invalid("The webhook URL must start with https:// (found the scheme '" + uri.Scheme + "').");
            SecureTransport.Require(uri, "the webhook code", "act as the webhook's user", "webhookUrl");
            if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
                throw Invalid("The webhook URL must not have a query string or a fragment.");
            if (uri.UserInfo.Length > 0)
                throw Invalid("The webhook URL must not carry a user name or password.");

            // The portal may sit under a path prefix (on-premise installs): take the last "rest" segment.
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            var rest = Array.LastIndexOf(segments, "rest");
            if (rest < 0 || segments.Length - rest < 3)
                throw Invalid("The webhook URL must contain /rest/{user id}/{code}/.");
            if (segments.Length - rest > 3)
                throw Invalid("The webhook URL has something after the code (a method name?): it must end with /rest/{user id}/{code}/.");
            if (!int.TryParse(segments[rest + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId) || userId <= 0)
                throw Invalid("The user id in the webhook URL must be a positive whole number.");
            var code = segments[rest + 2];
            if (!IsValidCode(code))
                throw Invalid("The webhook code may only contain letters, digits, '_' and '-'.");

            var prefix = string.Join("/", segments, 0, rest);
            var portal = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/" + (prefix.Length > 0 ? prefix + "/" : ""));
            return new WebhookCredential(portal, userId, code);
        }

        /// <summary>The URL of <paramref name="method"/> for this webhook (contains the secret: never log it).</summary>
        internal Uri MethodUri(string method) => new Uri(Portal, "rest/" + UserId + "/" + Code + "/" + method);

        /// <summary>The webhook URL with its code masked: https://portal/rest/1/***/</summary>
        public string MaskedUrl => Portal + "rest/" + UserId + "/" + Mask + "/";

        public override string ToString() => MaskedUrl;

        Task<long> IB24Credential.ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var restRoot = new Uri(Portal, "rest/").AbsoluteUri;
            var target = request.RequestUri?.AbsoluteUri ?? "";
            if (!target.StartsWith(restRoot, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("The request is not for this portal's REST root.");
            request.RequestUri = MethodUri(target.Substring(restRoot.Length));
            return Task.FromResult(0L);
        }

        /// <summary>A webhook code does not expire: nothing to renew, the refusal stands.</summary>
        Task<bool> IB24Credential.RenewAsync(long appliedStamp, CancellationToken cancellationToken) => Task.FromResult(false);

        string IB24Credential.Redact(string text)
            => string.IsNullOrEmpty(text) ? text : text.Replace("/" + Code + "/", "/" + Mask + "/").Replace(Code, Mask);

        private static bool IsValidCode(string code)
        {
            if (code.Length == 0)
                return false;
            foreach (var c in code)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                    return false;
            }
            return true;
        }

        private static ArgumentException Invalid(string problem)
            => new ArgumentException(problem + " Expected a URL like " + Example, "webhookUrl");
    }
}
