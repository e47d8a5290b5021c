using System;
using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets running workflows (bizproc.workflow.instances), every field, with keyset paging.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Workflow", SupportsPaging = true)]
    [OutputType(typeof(Workflow))]
    [B24Method(WorkflowsApi.ListMethod)]
    public sealed class GetB24WorkflowCommand : B24FilteredListCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateWorkflowId]
        public string? Id { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TemplateIdCompleter))]
        [ValidateRange(1, int.MaxValue)]
        public int TemplateId { get; set; }

        /// <summary>The element id alone (LEAD_1) or the three parts (crm,CCrmDocumentLead,LEAD_1 or 'crm|CCrmDocumentLead|LEAD_1').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DocumentId { get; set; }

        /// <summary>Id of the user who started the workflow (0: started by the system, e.g. an automation rule).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(0, int.MaxValue)]
        public int StartedBy { get; set; }

        protected override void EndProcessing()
        {
            var query = new WorkflowQuery
            {
                Id = Id,
                TemplateId = IfBound(nameof(TemplateId), TemplateId),
                StartedBy = IfBound(nameof(StartedBy), StartedBy),
                Filter = FilterEntries,
            };
            if (DocumentFilter(DocumentId) is var (moduleId, entity, id))
            {
                query.ModuleId = moduleId;
                query.Entity = entity;
                query.DocumentId = id;
            }
            if (Id is null)
                WritePages(WorkflowsApi.List(query), null);
            else
                WriteLookup(WorkflowsApi.List(query), "Workflow", new object[] { Id }, workflow => workflow.Id);
            base.EndProcessing();
        }
    }
}
