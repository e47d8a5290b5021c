using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes automation rules (robots) of the application (bizproc.robot.delete).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "B24Robot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [B24Method(RobotsApi.DeleteMethod, ApplicationOnly = true)]
    public sealed class UnregisterB24RobotCommand : UnregisterAppActivityCmdlet
    {
        protected override AppActivityApi Api => RobotsApi.Api;
    }
}
