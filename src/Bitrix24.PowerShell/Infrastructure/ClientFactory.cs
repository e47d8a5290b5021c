using Bitrix24.Client;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>Where cmdlets get a new client: from a URL, or from the environment when none is current.</summary>
    internal static class ClientFactory
    {
        /// <summary>Name of the environment variable a connection is taken from when none is current.</summary>
        public const string WebhookVariable = "B24_WEBHOOK_URL";

        /// <summary>Throws ArgumentException (whose message never repeats the code) for a malformed URL or
        /// unusable options.</summary>
        public static B24Client Create(string webhookUrl, B24ClientOptions? options = null)
            => B24Client.FromWebhook(webhookUrl.Trim(), options);
    }
}
