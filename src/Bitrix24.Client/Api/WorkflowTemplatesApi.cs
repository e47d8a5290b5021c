using System;
using System.Collections.Generic;
using System.Threading;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="WorkflowTemplatesApi.ListAsync"/>; null members do not filter.</summary>
    public sealed class WorkflowTemplateQuery
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? ModuleId { get; set; }
        public string? Entity { get; set; }
        public IDictionary<string, object?>? Filter { get; set; }
    }

    /// <summary>bizproc.workflow.template.* (list now; add/update/delete come with OAuth).</summary>
    public sealed class WorkflowTemplatesApi
    {
        internal WorkflowTemplatesApi(B24Client client) => throw new NotImplementedException();

        /// <summary>Fields selected by default (the list's own default is only ID). TEMPLATE, PARAMETERS,
        /// VARIABLES and CONSTANTS are heavy and must be asked for.</summary>
        public static IReadOnlyList<string> DefaultFields { get; } = new[]
        {
            "ID", "MODULE_ID", "ENTITY", "DOCUMENT_TYPE", "AUTO_EXECUTE", "NAME", "MODIFIED", "IS_MODIFIED", "USER_ID", "SYSTEM_CODE",
        };

        public IAsyncEnumerable<B24Page<WorkflowTemplate>> ListAsync(WorkflowTemplateQuery? query = null, IList<string>? select = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();
    }
}
