using System;
using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets running workflows (bizproc.workflow.instances), every field, with keyset paging.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Workflow", SupportsPaging = true)]
    [OutputType(typeof(Workflow))]
    public sealed class GetB24WorkflowCommand : B24ListCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        public int TemplateId { get; set; }

        /// <summary>The element id alone (LEAD_1) or the three parts (crm,CCrmDocumentLead,LEAD_1 or 'crm|CCrmDocumentLead|LEAD_1').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DocumentId { get; set; }

        /// <summary>Id of the user who started the workflow.</summary>
        [Parameter]
        public int StartedBy { get; set; }

        /// <summary>Extra FILTER entries, e.g. @{ '&lt;STARTED' = (Get-Date).AddDays(-7) }.</summary>
        [Parameter]
        public IDictionary? Filter { get; set; }

        protected override void EndProcessing()
        {
            var query = new WorkflowQuery
            {
                Id = Id,
                TemplateId = IfBound(nameof(TemplateId), TemplateId),
                StartedBy = IfBound(nameof(StartedBy), StartedBy),
                Filter = PowerShellToClr.ToDictionary(Filter),
            };
            if (DocumentId != null)
            {
                try
                {
                    var (moduleId, entity, id) = DocumentIdArgument.ParseFilter(DocumentId);
                    query.ModuleId = moduleId;
                    query.Entity = entity;
                    query.DocumentId = id;
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(ErrorRecords.InvalidArgument(ex.Message, DocumentIdArgument.Describe(DocumentId), ex));
                }
            }
            WritePages(token => Client.Workflows.ListAsync(query, token), null);
            base.EndProcessing();
        }
    }
}
