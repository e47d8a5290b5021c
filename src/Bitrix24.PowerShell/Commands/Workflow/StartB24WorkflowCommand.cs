using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts workflows from a template on documents, 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "B24Workflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workflow))]
    [B24Method(WorkflowsApi.StartMethod)]
    public sealed class StartB24WorkflowCommand : B24SingleCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateIdCompleter))]
        [ValidateRange(1, int.MaxValue)]
        public int TemplateId { get; set; }

        /// <summary>Three parts (crm,CCrmDocumentLead,LEAD_1), or one or more 'crm|CCrmDocumentLead|LEAD_1' strings.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string[] DocumentId { get; set; } = Array.Empty<string>();

        /// <summary>Values for the template's parameters (user fields as 'user_14').</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        public IDictionary? Parameters { get; set; }

        /// <summary>Module of the document when -DocumentId is the element id alone, as on Get-B24Workflow's
        /// output: so a listing pipes straight back in (Get-B24Workflow | Start-B24Workflow).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ModuleId { get; set; }

        /// <summary>Entity (document type) of the document when -DocumentId is the element id alone.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Entity { get; set; }

        protected override void ProcessRecord()
        {
            IReadOnlyList<DocumentId> documents;
            Dictionary<string, object?>? parameters;
            try
            {
                documents = DocumentIdArgument.ParseDocuments(DocumentId, ModuleId, Entity);
                parameters = PowerShellToClr.ToDictionary(Parameters);
            }
            catch (ArgumentException ex)
            {
                // Rejected before anything is sent; the other items go on, and its error keeps its place.
                Reject(ErrorRecords.InvalidArgument(ex.Message, DocumentIdArgument.Describe(DocumentId), ex));
                return;
            }

            var templateId = TemplateId;
            foreach (var document in documents)
            {
                Call(document.ToString(), "Start workflow template " + templateId,
                    () => WorkflowsApi.Start(templateId, document, parameters),
                    workflowId => new Workflow
                    {
                        Id = workflowId,
                        TemplateId = templateId,
                        ModuleId = document.ModuleId,
                        Entity = document.Entity,
                        DocumentId = document.Id,
                    });
            }
        }
    }
}
