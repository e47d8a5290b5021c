using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes automation rules (robots) of the application (bizproc.robot.update): only the fields given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "B24Robot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefinitionSet)]
    [OutputType(typeof(B24Robot))]
    [B24Method(RobotsApi.UpdateMethod, ApplicationOnly = true)]
    public sealed class SetB24RobotCommand : SetAppActivityCmdlet
    {
        protected override AppActivityApi Api => RobotsApi.Api;
    }
}
