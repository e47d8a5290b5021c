using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the application's automation rules (robots) by code (bizproc.robot.list).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Robot")]
    [OutputType(typeof(B24Robot))]
    [B24Method(RobotsApi.ListMethod, ApplicationOnly = true)]
    public sealed class GetB24RobotCommand : GetAppActivityCmdlet
    {
        protected override AppActivityApi Api => RobotsApi.Api;
    }
}
