using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Registers workflow activities (actions) of the application (bizproc.activity.add); -Force updates existing ones.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "B24Activity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefinitionSet)]
    [OutputType(typeof(B24Activity))]
    [B24Method(ActivitiesApi.AddMethod, ActivitiesApi.UpdateMethod, ActivitiesApi.ListMethod, ApplicationOnly = true)]
    public sealed class RegisterB24ActivityCommand : RegisterAppActivityCmdlet
    {
        protected override AppActivityApi Api => ActivitiesApi.Api;
    }
}
