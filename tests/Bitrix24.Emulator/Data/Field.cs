using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Data;

/// <summary>How a field filters, sorts and prints.</summary>
internal enum FieldKind
{
    /// <summary>string; ordinal comparison (workflow ids order as strings).</summary>
    Text,
    /// <summary>long; printed as a string ("1") when the portal reads it from the database.</summary>
    Integer,
    /// <summary>DateTimeOffset; printed ISO 8601 with the portal offset.</summary>
    Date,
    /// <summary>bool printed "Y"/"N".</summary>
    YesNo,
    /// <summary>bool printed true/false.</summary>
    Boolean,
    /// <summary>IReadOnlyList&lt;long&gt; (UF_DEPARTMENT): equality means "contains".</summary>
    IntegerList,
    /// <summary>A JSON tree (template structure, parameters); not filterable.</summary>
    Structure,
}

/// <summary>One field of a row type: its name, kind, typed value and JSON output.</summary>
internal sealed class Field<TRow>
{
    private readonly Func<TRow, JsonNode?>? _render;

    public Field(string name, FieldKind kind, Func<TRow, object?> value, bool integerAsText = true, Func<TRow, JsonNode?>? render = null)
    {
        Name = name;
        Kind = kind;
        Value = value;
        IntegerAsText = integerAsText;
        _render = render;
    }

    public string Name { get; }
    public FieldKind Kind { get; }
    public Func<TRow, object?> Value { get; }
    public bool IntegerAsText { get; }

    public JsonNode? Render(TRow row)
    {
        if (_render is not null)
            return _render(row);
        var value = Value(row);
        return value switch
        {
            null => null,
            long number => IntegerAsText ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(number),
            DateTimeOffset date => JsonValue.Create(PortalClock.Format(date)),
            bool flag when Kind == FieldKind.YesNo => JsonValue.Create(flag ? "Y" : "N"),
            bool flag => JsonValue.Create(flag),
            IReadOnlyList<long> list => new JsonArray(list.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            JsonNode node => node.DeepClone(),
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }
}

/// <summary>The fields of a row type, looked up by upper-case name.</summary>
internal sealed class Schema<TRow>
{
    private readonly Dictionary<string, Field<TRow>> _byName;

    public Schema(params Field<TRow>[] fields)
    {
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Field<TRow>> Fields { get; }

    public Field<TRow>? Find(string name) => _byName.GetValueOrDefault(name);

    public Field<TRow> this[string name] => _byName[name];

    /// <summary>One output row with the given fields in the given order.</summary>
    public JsonObject Render(TRow row, IEnumerable<Field<TRow>> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields)
            result[field.Name] = field.Render(row);
        return result;
    }
}
