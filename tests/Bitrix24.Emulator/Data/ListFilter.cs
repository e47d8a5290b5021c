using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>Filter operations, named after the key prefixes that select them.</summary>
internal enum FilterOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Contains, Like, NotContains, NotLike, In, NotIn }

/// <summary>
/// A FILTER object as the portal reads it: each key is an operation prefix plus a field name in any case
/// (<c>&gt;=STARTED</c>, <c>!id</c>); unknown fields are skipped. Values are converted to the field's type, so
/// TEMPLATE_ID compares as a number, ID as a string (ordinal) and dates as instants. An array value means IN
/// (NOT IN for '!'); for an ordering prefix it matches nothing, which is what a batch reference that resolved
/// to a whole page of rows produces.
/// </summary>
internal sealed class ListFilter<TRow>
{
    private static readonly Regex KeyPattern = new("^([^a-zA-Z]*)(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, FilterOp> Prefixes = new()
    {
        [""] = FilterOp.Equal, ["="] = FilterOp.Equal, ["!"] = FilterOp.NotEqual, ["!="] = FilterOp.NotEqual,
        ["<"] = FilterOp.Less, ["<="] = FilterOp.LessOrEqual, [">"] = FilterOp.Greater, [">="] = FilterOp.GreaterOrEqual,
        ["%"] = FilterOp.Contains, ["=%"] = FilterOp.Like, ["%="] = FilterOp.Like, ["!%"] = FilterOp.NotContains,
        ["!=%"] = FilterOp.NotLike, ["!%="] = FilterOp.NotLike, ["@"] = FilterOp.In, ["!@"] = FilterOp.NotIn,
    };

    /// <summary>What bizproc's REST service accepts; anything else is "Filter operation not allowed".</summary>
    public static readonly IReadOnlySet<FilterOp> ComparisonOps = new HashSet<FilterOp>
    {
        FilterOp.Equal, FilterOp.NotEqual, FilterOp.Less, FilterOp.LessOrEqual, FilterOp.Greater, FilterOp.GreaterOrEqual,
    };

    private readonly List<(Field<TRow> Field, FilterOp Op, JsonNode? Value)> _conditions = new();

    /// <param name="allowed">Operations this method knows; null = all.</param>
    /// <param name="rejectOthers">True: an operation outside <paramref name="allowed"/> is an error (bizproc);
    /// false: that condition is skipped (user.get).</param>
    public ListFilter(Schema<TRow> schema, IEnumerable<KeyValuePair<string, JsonNode?>> filter, IReadOnlySet<FilterOp>? allowed, bool rejectOthers)
    {
        foreach (var (key, value) in filter)
        {
            var match = KeyPattern.Match(key);
            var prefix = match.Groups[1].Value;
            var known = Prefixes.TryGetValue(prefix, out var op);
            if (!known || (allowed is not null && !allowed.Contains(op)))
            {
                if (rejectOthers)
                    throw RestException.Bizproc("Filter operation not allowed: " + prefix);
                continue;
            }
            var field = schema.Find(match.Groups[2].Value);
            if (field is not null && field.Kind != FieldKind.Structure)
                _conditions.Add((field, op, value));
        }
    }

    private ListFilter(IEnumerable<(Field<TRow> Field, FilterOp Op, JsonNode? Value)> conditions) => _conditions.AddRange(conditions);

    public bool Matches(TRow row) => _conditions.All(c => Test(c, row));

    /// <summary>The conditions as one text (field, operation, value), equal for filters that match the same rows
    /// the same way; list indexes are cached by it.</summary>
    public string Key => string.Join("\u0001", _conditions.Select(c => c.Field.Name + "\u0002" + c.Op + "\u0002" + (c.Value?.ToJsonString() ?? "null")));

    /// <summary>
    /// Splits off the ordering conditions (&lt;, &lt;=, &gt;, &gt;=) on <paramref name="field"/>: a keyset bound on the
    /// leading sort key, which a sorted index answers with a binary search. The rest stay a filter.
    /// </summary>
    public (ListFilter<TRow> Others, IReadOnlyList<(FilterOp Op, Func<TRow, bool> Matches)> Bounds) SplitBounds(Field<TRow> field)
    {
        static bool IsBound(FilterOp op) => op is FilterOp.Less or FilterOp.LessOrEqual or FilterOp.Greater or FilterOp.GreaterOrEqual;
        var bounds = _conditions.Where(c => c.Field == field && IsBound(c.Op))
            .Select(c => (c.Op, (Func<TRow, bool>)(row => Test(c, row)))).ToList();
        return (new ListFilter<TRow>(_conditions.Where(c => !(c.Field == field && IsBound(c.Op)))), bounds);
    }

    private static bool Test((Field<TRow> Field, FilterOp Op, JsonNode? Value) c, TRow row)
        => Test(c.Field.Kind, FieldValues.Normalize(c.Field.Kind, c.Field.Value(row)), c.Op, c.Value);

    private static bool Test(FieldKind kind, object? actual, FilterOp op, JsonNode? expected)
    {
        var items = PhpValues.Entries(expected)?.Select(e => e.Value).ToList();
        switch (op)
        {
            case FilterOp.Equal:
            case FilterOp.In:
                return items is null ? Equal(kind, actual, expected) : items.Any(i => Equal(kind, actual, i));
            case FilterOp.NotEqual:
            case FilterOp.NotIn:
                return !(items is null ? Equal(kind, actual, expected) : items.Any(i => Equal(kind, actual, i)));
            case FilterOp.Contains:
            case FilterOp.Like:
            case FilterOp.NotContains:
            case FilterOp.NotLike:
                if (items is not null || kind != FieldKind.Text)
                    return false;
                var text = actual as string ?? "";
                var pattern = PhpValues.ToText(expected);
                var hit = op is FilterOp.Contains or FilterOp.NotContains
                    ? text.Contains(pattern, StringComparison.OrdinalIgnoreCase)
                    : LikeRegex(pattern).IsMatch(text);
                return op is FilterOp.Contains or FilterOp.Like ? hit : !hit;
            default:
                if (items is not null || actual is null || !FieldValues.TryConvert(kind, expected, out var bound) || bound is null)
                    return false;
                var order = FieldValues.Compare(actual, bound);
                return op switch
                {
                    FilterOp.Less => order < 0,
                    FilterOp.LessOrEqual => order <= 0,
                    FilterOp.Greater => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private static bool Equal(FieldKind kind, object? actual, JsonNode? expected)
    {
        // The ORM reads null and "" as "the field is empty".
        if (expected is null || (expected is JsonValue && PhpValues.ToText(expected) == "" && kind != FieldKind.Boolean && kind != FieldKind.YesNo))
            return actual is null || actual as string == "";
        if (actual is null || !FieldValues.TryConvert(kind, expected, out var value) || value is null)
            return false;
        if (actual is IReadOnlyList<long> list)
            return value is long number && list.Contains(number);
        return FieldValues.Compare(actual, value) == 0;
    }

    private static Regex LikeRegex(string pattern)
        => new("^" + Regex.Escape(pattern).Replace("%", ".*").Replace("_", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
}
