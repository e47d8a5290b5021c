using System.Collections.Generic;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter and select for <see cref="TasksApi.List"/>; null members do not filter.</summary>
    public sealed class TaskQuery
    {
        public long? ResponsibleId { get; set; }
        public long? FlowId { get; set; }
        public long? GroupId { get; set; }
        /// <summary>Extra filter entries, with the documented prefixes (!, &lt;, &lt;=, &gt;, &gt;=).</summary>
        public IDictionary<string, object?>? Filter { get; set; }
        /// <summary>Fields to select, UPPER_CASE (TITLE, UF_CRM_TASK, UF_…); null = the portal's default.</summary>
        public IList<string>? Select { get; set; }
    }
}
