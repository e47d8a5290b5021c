using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Terminates running workflows (bizproc.workflow.terminate), 50 per batch request; their data is kept.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "B24Workflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    [B24Method(WorkflowsApi.TerminateMethod)]
    public sealed class StopB24WorkflowCommand : B24BatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        [ValidateWorkflowId]
        public string Id { get; set; } = "";

        /// <summary>Status text recorded with the termination.</summary>
        [Parameter]
        public string? Status { get; set; }

        /// <summary>Writes the id of each terminated workflow.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            var status = Status;
            Submit(id, "Terminate workflow", () => WorkflowsApi.Terminate(id, status), _ => PassThru ? id : null);
        }
    }
}
