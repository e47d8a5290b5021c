using System;
using System.Management.Automation;
using System.Reflection;
using Bitrix24.Client;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that talks to a portal: the -Connection parameter and how the connection is found
    /// when it is not given (the runspace's current one, else one made from B24_WEBHOOK_URL), the refusal of
    /// application-only methods (<see cref="B24MethodAttribute.ApplicationOnly"/>) on a webhook before anything
    /// is sent, ShouldProcess with -Force, and what a model becomes on the pipeline. The three shapes derive
    /// from it: <see cref="B24ListCmdlet"/>, <see cref="B24BatchCmdlet"/>, <see cref="B24SingleCmdlet"/>.
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

        /// <summary>
        /// The current connection, connecting from B24_WEBHOOK_URL when there is none yet. A connection made from
        /// the variable becomes current only once the portal has accepted it (one user.get, as Connect-B24 does):
        /// a wrong URL or code fails this command with a clear error and leaves nothing behind, so the next
        /// command reads the variable again (fixed or not) instead of reusing a connection that cannot work.
        /// </summary>
        internal static B24Client ResolveCurrent(B24CmdletBase cmdlet)
        {
            if (ConnectionStore.Current is { } current)
                return current;

            var url = Environment.GetEnvironmentVariable(ClientFactory.WebhookVariable);
            if (string.IsNullOrWhiteSpace(url))
                cmdlet.ThrowTerminatingError(ErrorRecords.NotConnected());

            B24Client client;
            try
            {
                client = ClientFactory.Create(url!);
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    ClientFactory.WebhookVariable + " does not hold a webhook URL: " + ex.Message, null, ex));
                throw; // unreachable: ThrowTerminatingError always throws
            }

            try
            {
                cmdlet.VerifyConnection(client);
            }
            catch (B24Exception ex)
            {
                client.Dispose();
                cmdlet.ThrowTerminatingError(ErrorRecords.EnvironmentConnectionFailed(ex, client.Endpoint));
            }
            ConnectionStore.Current = client;
            cmdlet.WriteVerbose("Connected from " + ClientFactory.WebhookVariable + " to " + client.Endpoint + ".");
            return client;
        }

        /// <summary>The REST methods this cmdlet declares (empty when it has no <see cref="B24MethodAttribute"/>).</summary>
        protected B24MethodAttribute? Methods => GetType().GetCustomAttribute<B24MethodAttribute>();

        protected override void BeginProcessing()
        {
            if (Methods is { ApplicationOnly: true } declared && !Client.IsApplicationContext)
                ThrowTerminatingError(ErrorRecords.ApplicationContextRequired(string.Join(", ", declared.Methods), Client.AuthType));
        }

        /// <summary>
        /// ShouldProcess for one item, where -Force (on cmdlets that have it) skips the confirmation prompt but
        /// never -WhatIf: with -WhatIf the item is described and not processed, as users expect of -Force.
        /// </summary>
        protected bool ShouldProcessItem(string target, string action)
        {
            if (ForceRequested && !WhatIfRequested)
                return true;
            return ShouldProcess(target, action);
        }

        /// <summary>-Force was given (cmdlets without the parameter never see it bound).</summary>
        protected bool ForceRequested
            => MyInvocation.BoundParameters.TryGetValue("Force", out var force) && force is SwitchParameter { IsPresent: true };

        private bool WhatIfRequested
            => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? whatIf is SwitchParameter { IsPresent: true }
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        private int? _progressId;
        private string? _progressActivity;

        /// <summary>
        /// One progress bar per cmdlet, titled "Get-B24Workflow: bizproc.workflow.instances" (what runs, and the
        /// REST method behind it); <paramref name="percent"/> -1 when the end is not known. Silent under
        /// $ProgressPreference = 'SilentlyContinue' (PowerShell drops the records).
        /// </summary>
        protected void ReportProgress(string? method, string status, int percent)
        {
            _progressId ??= ProgressActivityId;
            _progressActivity ??= MyInvocation.MyCommand.Name + (string.IsNullOrEmpty(method) ? "" : ": " + method);
            WriteProgress(new ProgressRecord(_progressId.Value, _progressActivity, status) { PercentComplete = percent });
        }

        /// <summary>Ends the bar <see cref="ReportProgress"/> started (a Completed record), if any.</summary>
        protected void CompleteProgress()
        {
            if (_progressId is not int id || Stopping)
                return;
            WriteProgress(new ProgressRecord(id, _progressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            _progressId = null;
            _progressActivity = null;
        }

        // One id per cmdlet name, so a Get-B24User nested in a Get-B24Workflow loop keeps its own bar.
        private int ProgressActivityId => 0x0B24 + (StringComparer.OrdinalIgnoreCase.GetHashCode(MyInvocation.MyCommand.Name) & 0xFFFF);

        /// <summary>What goes down the pipeline for a result or row (models get their unknown fields as properties).</summary>
        protected static object? ToOutput(object? item) => item is B24Entity entity ? JsonToPowerShell.ToPSObject(entity) : item;

        /// <summary>The value of an optional struct parameter, or null when the user did not give it.</summary>
        protected T? IfBound<T>(string parameterName, T value) where T : struct
            => MyInvocation.BoundParameters.ContainsKey(parameterName) ? value : (T?)null;
    }
}
