using System;
using System.Management.Automation;
using Bitrix24.Client;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that talks to a portal: the -Connection parameter and how the connection is found
    /// when it is not given (the runspace's current one, else one made from B24_WEBHOOK_URL).
    /// </summary>
    public abstract class B24Cmdlet : B24CmdletBase
    {
        private B24Client? _client;

        /// <summary>The portal to talk to; default: the current connection of the session.</summary>
        [Parameter]
        [ValidateNotNull]
        public B24Client? Connection { get; set; }

        /// <summary>The resolved connection. Throws a terminating NotConnected error when there is none.</summary>
        protected B24Client Client => _client ??= Connection ?? ResolveCurrent(this);

        /// <summary>The current connection, connecting from B24_WEBHOOK_URL when there is none yet.</summary>
        internal static B24Client ResolveCurrent(B24CmdletBase cmdlet)
        {
            if (ConnectionStore.Current is { } current)
                return current;

            var url = Environment.GetEnvironmentVariable(ClientFactory.WebhookVariable);
            if (string.IsNullOrWhiteSpace(url))
                cmdlet.ThrowTerminatingError(ErrorRecords.NotConnected());

            try
            {
                var client = ClientFactory.Create(url!);
                ConnectionStore.Current = client;
                cmdlet.WriteVerbose("Connected from " + ClientFactory.WebhookVariable + " to " + client.Endpoint + ".");
                return client;
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    ClientFactory.WebhookVariable + " does not hold a webhook URL: " + ex.Message, null, ex));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }

        /// <summary>The value of an optional struct parameter, or null when the user did not give it.</summary>
        protected T? IfBound<T>(string parameterName, T value) where T : struct
            => MyInvocation.BoundParameters.ContainsKey(parameterName) ? value : (T?)null;
    }
}
