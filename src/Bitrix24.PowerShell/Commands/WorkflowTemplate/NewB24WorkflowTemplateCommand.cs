using System;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds workflow templates from .bpt files (bizproc.workflow.template.add); application context only.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "B24WorkflowTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkflowTemplate))]
    [B24Method(WorkflowTemplatesApi.AddMethod, ApplicationOnly = true)]
    public sealed class NewB24WorkflowTemplateCommand : WorkflowTemplateFieldsCmdlet
    {
        /// <summary>A shortcut (Lead, Contact, Company, Deal, Quote, SmartInvoice, 'Dynamic 128', 'List 5', 'Disk 3') or module, entity, type.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DocumentTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DocumentType { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        protected override void ProcessRecord()
        {
            var name = Name;
            WorkflowTemplateFields fields;
            try
            {
                if (Path is null)
                    throw new ArgumentException("-Path (the .bpt file) is required to add a template.");
                fields = BuildFields(name, DocumentType);
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, name, ex));
                return;
            }
            Call(name, "Add workflow template", () => WorkflowTemplatesApi.Add(fields));
        }
    }
}
