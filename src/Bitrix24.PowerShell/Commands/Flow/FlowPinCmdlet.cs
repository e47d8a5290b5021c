using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// Add-/Remove-B24FlowPin: tasks.flow.Flow.pin toggles and answers the new state, and the flow itself does
    /// not show it, so the toggle is sent and, when it landed on the other state, sent once more: the flow ends
    /// pinned (or unpinned) whatever it was, in one or two requests.
    /// </summary>
    public abstract class FlowPinCmdlet : B24Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected abstract bool Wanted { get; }

        protected override void ProcessRecord()
        {
            var id = Id;
            if (!ShouldProcessItem("flow " + id, Wanted ? "Pin flow" : "Unpin flow"))
                return;
            var pin = FlowsApi.Pin(id);
            try
            {
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var pinned = Await(token => Client.CallAsync(pin, token));
                    if (pinned == Wanted)
                        return;
                }
                WriteB24Error(new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The flow's pin did not change as asked.", method: pin.Method), id);
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, id);
            }
        }
    }

    /// <summary>
    /// <para type="synopsis">Pins task flows in your list of flows (tasks.flow.Flow.pin).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "B24FlowPin", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [B24Method(FlowsApi.PinMethod)]
    public sealed class AddB24FlowPinCommand : FlowPinCmdlet
    {
        protected override bool Wanted => true;
    }

    /// <summary>
    /// <para type="synopsis">Unpins task flows in your list of flows (tasks.flow.Flow.pin).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "B24FlowPin", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [B24Method(FlowsApi.PinMethod)]
    public sealed class RemoveB24FlowPinCommand : FlowPinCmdlet
    {
        protected override bool Wanted => false;
    }
}
