using System;
using System.Collections.Generic;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="WorkflowsApi.List"/>; null members do not filter.</summary>
    public sealed class WorkflowQuery
    {
        public string? Id { get; set; }
        public int? TemplateId { get; set; }
        /// <summary>Document element id (LEAD_1) alone or with module and entity.</summary>
        public string? DocumentId { get; set; }
        public string? ModuleId { get; set; }
        public string? Entity { get; set; }
        public int? StartedBy { get; set; }
        /// <summary>Extra raw FILTER entries (prefixes allowed: '&lt;STARTED' …).</summary>
        public IDictionary<string, object?>? Filter { get; set; }
    }

    /// <summary>bizproc.workflow.*: start, list running instances, terminate, kill, as operations that a
    /// client sends alone, batches or pages (<c>client.CallAsync(WorkflowsApi.Terminate(id))</c>).</summary>
    public static class WorkflowsApi
    {
        public const string ListMethod = "bizproc.workflow.instances";
        public const string StartMethod = "bizproc.workflow.start";
        public const string TerminateMethod = "bizproc.workflow.terminate";
        public const string KillMethod = "bizproc.workflow.kill";

        /// <summary>Every field bizproc.workflow.instances can return (its default is only ID, MODIFIED, OWNED_UNTIL).</summary>
        public static IReadOnlyList<string> AllFields { get; } = new[]
        {
            "ID", "MODIFIED", "OWNED_UNTIL", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED", "STARTED_BY", "TEMPLATE_ID",
        };

        /// <summary>Running workflows with keyset paging on ID (string order).</summary>
        public static B24ListOperation<Workflow> List(WorkflowQuery? query = null)
            => B24ListOperation<Workflow>.ByKey(new KeysetListRequest(ListMethod)
            {
                KeyField = "ID",
                Select = new List<string>(AllFields),
                Filter = BuildFilter(query ?? new WorkflowQuery()).ToDictionary(),
            }, Workflow.FromRow);

        /// <summary>Starts a workflow; the result is its id.</summary>
        public static B24Operation<string> Start(int templateId, DocumentId document, IDictionary<string, object?>? parameters = null)
            => B24Operation.Write(StartMethod, StartParameters(templateId, document, parameters), response =>
                JsonReading.ToText(response.Result)
                ?? throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return the new workflow's id.", null, StartMethod));

        /// <summary>Terminates a workflow (its data is kept). A lost answer is checked: a terminated workflow has
        /// left the running list.</summary>
        public static B24Operation<bool> Terminate(string workflowId, string? status = null)
            => B24Operation.Write(TerminateMethod, IdParameters(workflowId).SetIfPresent("STATUS", status)).CheckedBy(StillRunning(workflowId));

        /// <summary>Stops a workflow and deletes its data (a lost answer is checked as for <see cref="Terminate"/>).</summary>
        public static B24Operation<bool> Kill(string workflowId)
            => B24Operation.Write(KillMethod, IdParameters(workflowId)).CheckedBy(StillRunning(workflowId));

        /// <summary>Ran when the workflow is no longer running; not run when it still is.</summary>
        private static B24Operation<B24Outcome<bool>> StillRunning(string workflowId)
            => B24Operation.Read(ListMethod, new ParameterSet()
                    .Set("SELECT", new[] { "ID" })
                    .Set("FILTER", new ParameterSet().Set("ID", workflowId)),
                response => ListItems.Of(response.Result).Count == 0 ? B24Outcome<bool>.RanWith(true) : B24Outcome<bool>.NotRun);

        private static ParameterSet StartParameters(int templateId, DocumentId document, IDictionary<string, object?>? parameters)
        {
            if (document is null)
                throw new ArgumentNullException(nameof(document));
            return new ParameterSet()
                .Set("TEMPLATE_ID", templateId)
                .Set("DOCUMENT_ID", document.ToArray())
                .SetIfPresent("PARAMETERS", parameters);
        }

        private static ParameterSet IdParameters(string workflowId)
        {
            if (string.IsNullOrWhiteSpace(workflowId))
                throw new ArgumentException("A workflow id is required.", nameof(workflowId));
            return new ParameterSet().Set("ID", workflowId);
        }

        private static ParameterSet BuildFilter(WorkflowQuery query)
        {
            var filter = new ParameterSet()
                .SetIfPresent("ID", query.Id)
                .SetIfPresent("TEMPLATE_ID", query.TemplateId)
                .SetIfPresent("MODULE_ID", query.ModuleId)
                .SetIfPresent("ENTITY", query.Entity)
                .SetIfPresent("STARTED_BY", query.StartedBy);
            if (!string.IsNullOrWhiteSpace(query.DocumentId))
            {
                // "crm|CCrmDocumentLead|LEAD_1" names all three parts; "LEAD_1" only the element.
                if (query.DocumentId!.IndexOf('|') >= 0)
                {
                    var document = DocumentId.Parse(query.DocumentId);
                    filter.Set("MODULE_ID", document.ModuleId).Set("ENTITY", document.Entity).Set("DOCUMENT_ID", document.Id);
                }
                else
                {
                    filter.Set("DOCUMENT_ID", query.DocumentId);
                }
            }
            return filter.Merge(query.Filter);
        }
    }
}
