using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="WorkflowsApi.ListAsync"/>; null members do not filter.</summary>
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

    /// <summary>bizproc.workflow.*: start, list running instances, terminate, kill.</summary>
    public sealed class WorkflowsApi
    {
        public const string ListMethod = "bizproc.workflow.instances";
        public const string StartMethod = "bizproc.workflow.start";
        public const string TerminateMethod = "bizproc.workflow.terminate";
        public const string KillMethod = "bizproc.workflow.kill";

        private readonly B24Client client;

        internal WorkflowsApi(B24Client client) => this.client = client;

        /// <summary>Every field bizproc.workflow.instances can return (its default is only ID, MODIFIED, OWNED_UNTIL).</summary>
        public static IReadOnlyList<string> AllFields { get; } = new[]
        {
            "ID", "MODIFIED", "OWNED_UNTIL", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED", "STARTED_BY", "TEMPLATE_ID",
        };

        /// <summary>Streams running workflows with keyset paging on ID (string order).</summary>
        public IAsyncEnumerable<B24Page<Workflow>> ListAsync(WorkflowQuery? query = null, CancellationToken cancellationToken = default)
        {
            var request = new KeysetListRequest(ListMethod)
            {
                KeyField = "ID",
                Select = new List<string>(AllFields),
                Filter = BuildFilter(query ?? new WorkflowQuery()).ToDictionary(),
            };
            return PageMapping.Map<Workflow>(client.ListByKeyAsync(request, cancellationToken), cancellationToken);
        }

        /// <summary>Starts a workflow and returns its id.</summary>
        public async Task<string> StartAsync(int templateId, DocumentId document, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
        {
            var response = await client.CallAsync(StartMethod, StartParameters(templateId, document, parameters), cancellationToken).ConfigureAwait(false);
            return JsonReading.ToText(response.Result)
                ?? throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return the new workflow's id.", null, StartMethod);
        }

        public Task TerminateAsync(string workflowId, string? status = null, CancellationToken cancellationToken = default)
            => client.CallAsync(TerminateMethod, TerminateParameters(workflowId, status), cancellationToken);

        public Task KillAsync(string workflowId, CancellationToken cancellationToken = default)
            => client.CallAsync(KillMethod, IdParameters(workflowId), cancellationToken);

        // Batch builders: bulk cmdlets queue these and send them 50 per request. Their Parameters are a plain
        // Dictionary<string, object?> (ordered as written) that callers may show, e.g. for -WhatIf.
        public static B24BatchCommand StartCommand(string key, int templateId, DocumentId document, IDictionary<string, object?>? parameters = null)
            => new B24BatchCommand(key, StartMethod, StartParameters(templateId, document, parameters).ToDictionary());

        public static B24BatchCommand TerminateCommand(string key, string workflowId, string? status = null)
            => new B24BatchCommand(key, TerminateMethod, TerminateParameters(workflowId, status).ToDictionary());

        public static B24BatchCommand KillCommand(string key, string workflowId)
            => new B24BatchCommand(key, KillMethod, IdParameters(workflowId).ToDictionary());

        private static ParameterSet StartParameters(int templateId, DocumentId document, IDictionary<string, object?>? parameters)
        {
            if (document is null)
                throw new ArgumentNullException(nameof(document));
            return new ParameterSet()
                .Set("TEMPLATE_ID", templateId)
                .Set("DOCUMENT_ID", document.ToArray())
                .SetIfPresent("PARAMETERS", parameters);
        }

        private static ParameterSet TerminateParameters(string workflowId, string? status)
            => IdParameters(workflowId).SetIfPresent("STATUS", status);

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
