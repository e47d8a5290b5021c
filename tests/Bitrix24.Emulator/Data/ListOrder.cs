using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// An ORDER object as bizproc reads it: <c>{FIELD: 'asc'|'desc'}</c> with names in any case, a bare list of
/// names meaning ascending, anything but ASC meaning descending, unknown fields skipped, and the default when
/// nothing usable is left. Ties fall back to the row's primary key so pages never overlap.
/// </summary>
internal sealed class ListOrder<TRow>
{
    private readonly List<(Field<TRow> Field, bool Descending)> _keys = new();

    private ListOrder() { }

    public static ListOrder<TRow> Parse(Schema<TRow> schema, JsonNode? spec, params (string Field, bool Descending)[] defaults)
    {
        var order = new ListOrder<TRow>();
        foreach (var (key, value) in PhpValues.Entries(spec) ?? Array.Empty<KeyValuePair<string, JsonNode?>>())
        {
            var bare = spec is JsonArray || PhpValues.TryIntegerKey(key, out _);
            var name = bare ? PhpValues.ToText(value) : key;
            var direction = bare ? "ASC" : PhpValues.ToText(value).ToUpperInvariant();
            if (schema.Find(name) is { Kind: not FieldKind.Structure } field && order._keys.All(k => k.Field != field))
                order._keys.Add((field, direction != "ASC"));
        }
        if (order._keys.Count == 0)
            order._keys.AddRange(defaults.Select(d => (schema[d.Field], d.Descending)));
        return order;
    }

    /// <summary>A single field and direction (user.get's sort/order pair).</summary>
    public static ListOrder<TRow> Single(Field<TRow> field, bool descending)
    {
        var order = new ListOrder<TRow>();
        order._keys.Add((field, descending));
        return order;
    }

    /// <summary>The first sort key and its direction.</summary>
    public (Field<TRow> Field, bool Descending) Leading => _keys[0];

    /// <summary>The keys as one text, equal for orders that sort alike.</summary>
    public string Key => string.Join(",", _keys.Select(k => k.Field.Name + (k.Descending ? " DESC" : " ASC")));

    public IEnumerable<TRow> Apply(IEnumerable<TRow> rows, Func<TRow, object> tieBreak)
    {
        IOrderedEnumerable<TRow>? sorted = null;
        foreach (var (field, descending) in _keys)
        {
            var comparer = Comparer<object?>.Create(FieldValues.Compare);
            Func<TRow, object?> key = row => FieldValues.Normalize(field.Kind, field.Value(row));
            sorted = sorted is null
                ? (descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer))
                : (descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer));
        }
        var tie = Comparer<object?>.Create(FieldValues.Compare);
        return sorted is null ? rows.OrderBy(tieBreak, tie!) : sorted.ThenBy(tieBreak, tie!);
    }
}
