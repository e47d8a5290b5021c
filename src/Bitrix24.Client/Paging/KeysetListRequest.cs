using System;
using System.Collections.Generic;

namespace Bitrix24.Client.Paging
{
    /// <summary>
    /// How to keyset-page one list method: its parameter names for order and filter (methods differ in
    /// letter case and shape), the unique key, and the caller's own filter and select.
    /// </summary>
    public sealed class KeysetListRequest
    {
        public KeysetListRequest(string method) => Method = method ?? throw new ArgumentNullException(nameof(method));

        public string Method { get; }

        /// <summary>Unique, orderable key of a row, as named in the response (ID).</summary>
        public string KeyField { get; init; } = "ID";

        /// <summary>Name of the key in each returned row, when it differs from <see cref="KeyField"/>
        /// (tasks.task.list filters by ID but prints "id"); batch references need the exact spelling.</summary>
        public string? ResultKeyField { get; init; }

        /// <summary>The property of <c>result</c> that holds the rows (tasks.task.list: "tasks"), or null when
        /// <c>result</c> is the array itself.</summary>
        public string? RowsProperty { get; init; }

        /// <summary>Name of the order parameter (ORDER for bizproc lists).</summary>
        public string OrderParameter { get; init; } = "ORDER";

        /// <summary>Name of the filter parameter (FILTER for bizproc lists).</summary>
        public string FilterParameter { get; init; } = "FILTER";

        /// <summary>Name of the page-offset parameter as the method's page spells it (bizproc.task.list: START).</summary>
        public string StartParameter { get; init; } = "start";

        /// <summary>Name of the select parameter (SELECT), or null when the method has none.</summary>
        public string? SelectParameter { get; init; } = "SELECT";

        /// <summary>The caller's filter; the pager adds <c>&gt;KEY</c> to it. A caller's own <c>&gt;KEY</c> or
        /// <c>&gt;=KEY</c> is where the listing starts; later pages replace it with the last key seen.</summary>
        public IDictionary<string, object?> Filter { get; init; } = new Dictionary<string, object?>();

        /// <summary>Fields to select; the key field is added when missing.</summary>
        public IList<string>? Select { get; init; }

        /// <summary>Any other parameters, passed through unchanged.</summary>
        public IDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

        /// <summary>The portal's fixed page size. Not settable: the pager's end-of-list test and its
        /// <c>$result[p][49][KEY]</c> references both depend on it matching the portal exactly.</summary>
        public int PageSize => 50;
    }
}
