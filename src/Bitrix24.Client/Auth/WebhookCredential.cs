using System;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// An inbound webhook: https://portal/rest/{userId}/{code}/. The code is a secret and never appears in
    /// ToString, logs, errors or exceptions.
    /// </summary>
    public sealed class WebhookCredential
    {
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

        /// <summary>Parses a webhook URL (trailing slash optional). Throws <see cref="ArgumentException"/> with a
        /// message that never repeats the code.</summary>
        public static WebhookCredential Parse(string webhookUrl) => throw new NotImplementedException();

        /// <summary>The URL of <paramref name="method"/> for this webhook (contains the secret: never log it).</summary>
        internal Uri MethodUri(string method) => throw new NotImplementedException();

        /// <summary>The webhook URL with its code masked: https://portal/rest/1/***/</summary>
        public string MaskedUrl => throw new NotImplementedException();

        public override string ToString() => MaskedUrl;
    }
}
