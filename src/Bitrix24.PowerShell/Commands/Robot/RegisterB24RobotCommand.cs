using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Registers automation rules (robots) of the application (bizproc.robot.add); -Force updates existing ones.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "B24Robot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefinitionSet)]
    [OutputType(typeof(B24Robot))]
    [B24Method(RobotsApi.AddMethod, RobotsApi.UpdateMethod, RobotsApi.ListMethod, ApplicationOnly = true)]
    public sealed class RegisterB24RobotCommand : RegisterAppActivityCmdlet
    {
        protected override AppActivityApi Api => RobotsApi.Api;
    }
}
