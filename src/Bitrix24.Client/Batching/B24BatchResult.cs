using System.Collections.Generic;

namespace Bitrix24.Client.Batching
{
    /// <summary>All sub-call outcomes, in the order the commands were given (across every HTTP request the
    /// batch was split into). Each item is the same <see cref="B24Response"/> a direct call returns, with its
    /// <see cref="B24Response.Key"/> and, when it failed, its <see cref="B24Response.Error"/>.</summary>
    public sealed class B24BatchResponse
    {
        public B24BatchResponse(IReadOnlyList<B24Response> items, int httpRequests)
        {
            Items = items;
            HttpRequests = httpRequests;
        }

        public IReadOnlyList<B24Response> Items { get; }

        /// <summary>How many HTTP requests carried the batch and were answered (ceil(n / 50) when none failed).</summary>
        public int HttpRequests { get; }
    }
}
