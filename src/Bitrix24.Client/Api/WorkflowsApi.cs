using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;

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
        internal WorkflowsApi(B24Client client) => throw new NotImplementedException();

        /// <summary>Every field bizproc.workflow.instances can return (its default is only ID, MODIFIED, OWNED_UNTIL).</summary>
        public static IReadOnlyList<string> AllFields { get; } = new[]
        {
            "ID", "MODIFIED", "OWNED_UNTIL", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED", "STARTED_BY", "TEMPLATE_ID",
        };

        /// <summary>Streams running workflows with keyset paging on ID (string order).</summary>
        public IAsyncEnumerable<B24Page<Workflow>> ListAsync(WorkflowQuery? query = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        /// <summary>Starts a workflow and returns its id.</summary>
        public Task<string> StartAsync(int templateId, DocumentId document, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public Task TerminateAsync(string workflowId, string? status = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        public Task KillAsync(string workflowId, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        // Batch builders: bulk cmdlets queue these and send them 50 per request.
        public static B24BatchCommand StartCommand(string key, int templateId, DocumentId document, IDictionary<string, object?>? parameters = null)
            => throw new NotImplementedException();
        public static B24BatchCommand TerminateCommand(string key, string workflowId, string? status = null)
            => throw new NotImplementedException();
        public static B24BatchCommand KillCommand(string key, string workflowId)
            => throw new NotImplementedException();
    }
}
