using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// The portal's list navigation: pages of 50 from <c>start</c>; <c>total</c> always, <c>next</c> only when more
/// rows follow; <c>start=-1</c> returns the first 50 without counting: <c>total</c> 0 and no next, as in
/// shared/api-reference/settings__performance__huge-data.md.
/// <para>
/// A page costs about its own size, not a filter and sort of every row: the rows matching the filter (less any
/// &lt;, &lt;=, &gt;, &gt;= on the leading sort key) are sorted once and kept in <see cref="ListIndexes"/> until the
/// portal's data changes; a bound on the leading key (the keyset <c>&gt;ID</c> of the next page) is a binary
/// search in that index. The answers are the ones a full filter and sort would give.
/// </para>
/// </summary>
internal static class ListPage
{
    public const int Size = 50;

    /// <param name="rows">Every row the caller may see (enumerated only when the index is built).</param>
    /// <param name="tieBreak">The row's unique key: equal sort keys order by it, so pages never overlap.</param>
    /// <param name="scope">What else chose <paramref name="rows"/> (the caller, a search text), so that indexes of
    /// different row sets are kept apart.</param>
    public static MethodResult Build<TRow>(MethodContext context, IEnumerable<TRow> rows, ListFilter<TRow> filter, ListOrder<TRow> order,
        Func<TRow, object> tieBreak, Func<TRow, JsonObject> render, string scope = "")
    {
        var (leading, descending) = order.Leading;
        var (others, bounds) = filter.SplitBounds(leading);
        var key = string.Join("|", context.Method.Name, scope, order.Key, others.Key);
        var index = context.Portal.ListIndexes.GetOrBuild(key, () => SortedRows<TRow>.Of(order.Apply(rows.Where(others.Matches), tieBreak).ToArray(), leading));
        return Page(index.Range(bounds, descending), context.Params, render);
    }

    private static MethodResult Page<TRow>(IReadOnlyList<TRow> rows, RestParams parameters, Func<TRow, JsonObject> render)
    {
        var start = PhpValues.ToInt(parameters.Get("start"));
        if (start == -1)
            return new MethodResult(Slice(rows, 0, render), 0, null);
        var offset = (int)Math.Clamp(start, 0, int.MaxValue);
        int? next = offset + Size < rows.Count ? offset + Size : null;
        return new MethodResult(Slice(rows, offset, render), rows.Count, next);
    }

    private static JsonArray Slice<TRow>(IReadOnlyList<TRow> rows, int offset, Func<TRow, JsonObject> render)
    {
        var page = new List<JsonNode?>(Size);
        for (var i = offset; i < rows.Count && i - offset < Size; i++)
            page.Add(render(rows[i]));
        return new JsonArray(page.ToArray());
    }

    /// <summary>Rows in list order, and whether a bound on the leading key may be found by binary search (its
    /// values are all present and of the field's own type, so the filter's comparison follows the sort).</summary>
    private sealed class SortedRows<TRow>
    {
        private readonly TRow[] _rows;
        private readonly bool _searchable;

        private SortedRows(TRow[] rows, bool searchable)
        {
            _rows = rows;
            _searchable = searchable;
        }

        public static SortedRows<TRow> Of(TRow[] rows, Field<TRow> leading)
        {
            bool Typed(object? value) => leading.Kind switch
            {
                FieldKind.Text => value is string,
                FieldKind.Integer => value is long,
                FieldKind.Date => value is DateTimeOffset,
                _ => false,
            };
            return new SortedRows<TRow>(rows, rows.All(r => Typed(FieldValues.Normalize(leading.Kind, leading.Value(r)))));
        }

        /// <summary>The rows that meet every bound: in a sorted index each bound holds on a prefix or a suffix.</summary>
        public IReadOnlyList<TRow> Range(IReadOnlyList<(FilterOp Op, Func<TRow, bool> Matches)> bounds, bool descending)
        {
            if (bounds.Count == 0)
                return _rows;
            if (!_searchable)
                return _rows.Where(r => bounds.All(b => b.Matches(r))).ToArray();
            int low = 0, high = _rows.Length;
            foreach (var (op, matches) in bounds)
            {
                // Ascending, ">" holds from some row on; "<" up to some row. Descending, the other way round.
                if (descending == op is FilterOp.Less or FilterOp.LessOrEqual)
                    low = FirstWhere(low, high, matches);
                else
                    high = FirstWhere(low, high, r => !matches(r));
            }
            return new ArraySegment<TRow>(_rows, low, high - low);
        }

        /// <summary>The first index in [low, high) whose row meets <paramref name="test"/>, which holds on a suffix.</summary>
        private int FirstWhere(int low, int high, Func<TRow, bool> test)
        {
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                if (test(_rows[middle]))
                    high = middle;
                else
                    low = middle + 1;
            }
            return low;
        }
    }
}

/// <summary>
/// The sorted list indexes of one portal (see <see cref="ListPage"/>), by method, scope, order and filter; all are
/// dropped whenever the data may have changed (a write method ran, seeding, reset). Used under the portal lock.
/// </summary>
internal sealed class ListIndexes
{
    private const int Capacity = 32;
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);

    /// <summary>The rows may have changed: every index goes.</summary>
    public void Changed() => _entries.Clear();

    public T GetOrBuild<T>(string key, Func<T> build) where T : class
    {
        if (_entries.TryGetValue(key, out var found))
            return (T)found;
        if (_entries.Count >= Capacity)
            _entries.Clear();
        var built = build();
        _entries[key] = built;
        return built;
    }
}
