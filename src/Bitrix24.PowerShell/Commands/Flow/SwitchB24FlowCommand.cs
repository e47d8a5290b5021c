using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Toggles task flows on or off (tasks.flow.Flow.activate), 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Switch, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flow))]
    [B24Method(FlowsApi.ActivateMethod, FlowsApi.GetMethod)]
    public sealed class SwitchB24FlowCommand : B24BatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Writes each flow with its new state (read back in the same batch).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            if (!ShouldProcessItem("flow " + id, "Toggle flow on/off"))
                return;
            Enqueue(FlowsApi.Activate(id), id, _ => null);
            if (PassThru)
                Enqueue(FlowsApi.Get(id), id, flow => ToOutput(flow));
        }
    }
}
