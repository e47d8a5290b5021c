using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes task flows (tasks.flow.Flow.delete), 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [B24Method(FlowsApi.DeleteMethod)]
    public sealed class RemoveB24FlowCommand : B24DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            Submit(id, "flow " + id, "Delete flow", () => FlowsApi.Delete(id), _ => null);
        }
    }
}
