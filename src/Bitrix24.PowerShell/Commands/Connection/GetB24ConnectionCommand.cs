using System.Management.Automation;
using Bitrix24.Client;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the session's current connection (its display masks the webhook code).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Connection")]
    [OutputType(typeof(B24Client))]
    public sealed class GetB24ConnectionCommand : B24CmdletBase
    {
        protected override void EndProcessing() => WriteObject(B24Cmdlet.ResolveCurrent(this));
    }
}
