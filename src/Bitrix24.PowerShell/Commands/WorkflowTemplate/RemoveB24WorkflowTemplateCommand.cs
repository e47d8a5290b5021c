using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes workflow templates the application added (bizproc.workflow.template.delete), 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "B24WorkflowTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [B24Method(WorkflowTemplatesApi.DeleteMethod, ApplicationOnly = true)]
    public sealed class RemoveB24WorkflowTemplateCommand : B24DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateId")]
        [ValidateRange(1, int.MaxValue)]
        public int[] Id { get; set; } = System.Array.Empty<int>();

        protected override void ProcessRecord()
        {
            foreach (var one in Id)
            {
                var id = one;
                Submit(id, "workflow template " + id, "Delete workflow template", () => WorkflowTemplatesApi.Delete(id), _ => null);
            }
        }
    }
}
