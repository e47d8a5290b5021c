using System.Management.Automation;
using Bitrix24.Client;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets and disposes the current connection (or the one given with -Connection).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "B24")]
    public sealed class DisconnectB24Command : B24CmdletBase
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public B24Client? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var current = ConnectionStore.Current;
            var target = Connection ?? current;
            if (target is null)
            {
                WriteVerbose("Not connected: nothing to disconnect.");
                return;
            }
            if (ReferenceEquals(target, current))
                ConnectionStore.Current = null;
            WriteVerbose("Disconnected from " + target.Endpoint + ".");
            target.Dispose();
        }
    }
}
