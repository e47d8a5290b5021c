using System.Collections.Generic;

namespace Bitrix24.Client.Paging
{
    /// <summary>One page (or a run of chained pages) of a list, as it arrives. <see cref="Total"/> is the
    /// portal's count of matching rows when it is known (the first page), null otherwise.</summary>
    public sealed class B24Page<T>
    {
        public B24Page(IReadOnlyList<T> items, int? total)
        {
            Items = items;
            Total = total;
        }

        public IReadOnlyList<T> Items { get; }
        public int? Total { get; }
    }
}
