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
            if (!ShouldProcess("flow " + id, "Toggle flow on/off"))
                return;
            Enqueue(key => FlowsApi.Activate(key, id), id, _ => null);
            if (PassThru)
                Enqueue(key => FlowsApi.Get(key, id), id, result => JsonToPowerShell.ToPSObject(FlowsApi.ReadFlow(result.Result, result.Command.Method)));
        }
    }
}
