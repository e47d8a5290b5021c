using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes workflow activities (actions) of the application (bizproc.activity.delete).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "B24Activity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [B24Method(ActivitiesApi.DeleteMethod, ApplicationOnly = true)]
    public sealed class UnregisterB24ActivityCommand : UnregisterAppActivityCmdlet
    {
        protected override AppActivityApi Api => ActivitiesApi.Api;
    }
}
