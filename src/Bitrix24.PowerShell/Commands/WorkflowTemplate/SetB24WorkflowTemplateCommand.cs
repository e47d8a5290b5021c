using System;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes workflow templates the application added (bizproc.workflow.template.update): only the fields given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "B24WorkflowTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [B24Method(WorkflowTemplatesApi.UpdateMethod, ApplicationOnly = true)]
    public sealed class SetB24WorkflowTemplateCommand : WorkflowTemplateFieldsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateId")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            WorkflowTemplateFields fields;
            try
            {
                fields = BuildFields(Name, null);
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, id, ex));
                return;
            }
            Submit(id, "workflow template " + id, "Update workflow template", () => WorkflowTemplatesApi.Update(id, fields), _ => null);
        }
    }
}
