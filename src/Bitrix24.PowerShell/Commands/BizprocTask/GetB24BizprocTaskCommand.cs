using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets workflow tasks (bizproc.task.list): approvals, acknowledgments and requests for information, streamed with keyset paging.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24BizprocTask", SupportsPaging = true, DefaultParameterSetName = UserSet)]
    [OutputType(typeof(BizprocTask))]
    [B24Method(BizprocTasksApi.ListMethod)]
    public sealed class GetB24BizprocTaskCommand : B24FilteredListCmdlet
    {
        private const string UserSet = "User";
        private const string AllUsersSet = "AllUsers";

        // Workflow ids per listing: a WORKFLOW_ID "IN" list this long stays a small request.
        private const int WorkflowIdsPerQuery = 200;

        private readonly List<string> _workflowIds = new List<string>();

        /// <summary>Whose tasks; default: the connection's own user.</summary>
        [Parameter(ParameterSetName = UserSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? UserId { get; set; }

        /// <summary>Every user's tasks (administrators only; others get their own and their subordinates').</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllUsersSet)]
        public SwitchParameter AllUsers { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public BizprocTaskState[]? Status { get; set; }

        /// <summary>Tasks of these workflows; takes Get-B24Workflow output from the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateWorkflowId]
        public string[]? WorkflowId { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TemplateId { get; set; }

        /// <summary>The element id alone (DEAL_7) or the three parts (crm,CCrmDocumentDeal,DEAL_7 or 'crm|CCrmDocumentDeal|DEAL_7').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DocumentId { get; set; }

        /// <summary>Task types: ApproveActivity, ReviewActivity, RequestInformationActivity, RequestInformationOptionalActivity.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BizprocActivityCompleter))]
        public string[]? Activity { get; set; }

        /// <summary>Fields to return (default: every documented field, PARAMETERS included).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Select { get; set; }

        protected override void ProcessRecord()
        {
            if (WorkflowId is not null)
                _workflowIds.AddRange(WorkflowId);
        }

        protected override void EndProcessing()
        {
            var query = BuildQuery();
            if (_workflowIds.Count == 0)
                WritePages(BizprocTasksApi.List(query), null);
            for (var i = 0; i < _workflowIds.Count; i += WorkflowIdsPerQuery)
            {
                var ids = _workflowIds.Skip(i).Take(WorkflowIdsPerQuery).Distinct(StringComparer.Ordinal).ToList();
                query.WorkflowIds = ids;
                WritePages(BizprocTasksApi.List(query), ids.Count == 1 ? ids[0] : (object)ids.ToArray());
            }
            base.EndProcessing();
        }

        private BizprocTaskQuery BuildQuery()
        {
            var query = new BizprocTaskQuery
            {
                UserIds = AllUsers ? null : UserId ?? DefaultUser(),
                Statuses = Status,
                TemplateId = IfBound(nameof(TemplateId), TemplateId),
                Activities = Activity?.Select(a => a.Trim()).ToList(),
                Filter = FilterEntries,
                Select = Select?.Select(s => s.Trim().ToUpperInvariant()).ToList(),
            };
            if (DocumentFilter(DocumentId) is var (moduleId, entity, id))
            {
                query.ModuleId = moduleId;
                query.Entity = entity;
                query.DocumentId = id;
            }
            return query;
        }

        /// <summary>The connection's user, as the portal's default for non-administrators; none when unknown.</summary>
        private long[]? DefaultUser() => Client.UserId > 0 ? new long[] { Client.UserId } : null;
    }
}
