using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the application's workflow activities (actions) by code (bizproc.activity.list).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Activity")]
    [OutputType(typeof(B24Activity))]
    [B24Method(ActivitiesApi.ListMethod, ApplicationOnly = true)]
    public sealed class GetB24ActivityCommand : GetAppActivityCmdlet
    {
        protected override AppActivityApi Api => ActivitiesApi.Api;
    }
}
