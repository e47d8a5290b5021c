using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Kills workflows (bizproc.workflow.kill): stops them and deletes all their data. 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "B24Workflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [B24Method(WorkflowsApi.KillMethod)]
    public sealed class RemoveB24WorkflowCommand : B24DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        [ValidateWorkflowId]
        public string Id { get; set; } = "";

        protected override void ProcessRecord()
        {
            var id = Id;
            Submit(id, "Delete workflow and its data", () => WorkflowsApi.Kill(id), _ => null);
        }
    }
}
