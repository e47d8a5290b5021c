using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes workflow activities (actions) of the application (bizproc.activity.update): only the fields given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "B24Activity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefinitionSet)]
    [OutputType(typeof(B24Activity))]
    [B24Method(ActivitiesApi.UpdateMethod, ApplicationOnly = true)]
    public sealed class SetB24ActivityCommand : SetAppActivityCmdlet
    {
        protected override AppActivityApi Api => ActivitiesApi.Api;
    }
}
