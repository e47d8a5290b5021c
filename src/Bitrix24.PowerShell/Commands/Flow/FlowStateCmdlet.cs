using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// Enable-/Disable-B24Flow: tasks.flow.Flow.activate only toggles, so each flow's state is read first
    /// (tasks.flow.Flow.get) and the toggle is sent only when the flow is not yet in the wanted state;
    /// running a script twice ends in the same state.
    /// </summary>
    public abstract class FlowStateCmdlet : B24BatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Writes each flow in its final state.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True for Enable, false for Disable.</summary>
        protected abstract bool Wanted { get; }

        protected override void ProcessRecord()
        {
            var id = Id;
            Client.Models.Flow flow;
            try
            {
                flow = Await(token => Client.CallAsync(FlowsApi.Get(id), token));
            }
            catch (B24Exception ex)
            {
                Reject(ErrorRecords.From(ex, id));
                return;
            }
            if (flow.Active == Wanted)
            {
                WriteVerbose("Flow " + id + " is already " + (Wanted ? "enabled" : "disabled") + ": nothing to send.");
                if (PassThru)
                    Enqueue(FlowsApi.Get(id), id, result => ToOutput(result));
                return;
            }
            if (!ShouldProcessItem("flow " + id, Wanted ? "Enable flow" : "Disable flow"))
                return;
            Enqueue(FlowsApi.Activate(id), id, _ => null);
            if (PassThru)
                Enqueue(FlowsApi.Get(id), id, result => ToOutput(result));
        }
    }

    /// <summary>
    /// <para type="synopsis">Turns task flows on, toggling (tasks.flow.Flow.activate) only those that are off.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Models.Flow))]
    [B24Method(FlowsApi.GetMethod, FlowsApi.ActivateMethod)]
    public sealed class EnableB24FlowCommand : FlowStateCmdlet
    {
        protected override bool Wanted => true;
    }

    /// <summary>
    /// <para type="synopsis">Turns task flows off, toggling (tasks.flow.Flow.activate) only those that are on.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Models.Flow))]
    [B24Method(FlowsApi.GetMethod, FlowsApi.ActivateMethod)]
    public sealed class DisableB24FlowCommand : FlowStateCmdlet
    {
        protected override bool Wanted => false;
    }
}
