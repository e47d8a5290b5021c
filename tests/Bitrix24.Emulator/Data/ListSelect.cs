using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// A SELECT list as bizproc reads it: names in any case, unknown ones and repeats skipped, the method's
/// default when nothing usable is left. Rows print their fields in the order selected.
/// </summary>
internal static class ListSelect
{
    public static IReadOnlyList<Field<TRow>> Parse<TRow>(Schema<TRow> schema, JsonNode? spec, params string[] defaults)
    {
        var fields = new List<Field<TRow>>();
        foreach (var (_, value) in PhpValues.Entries(spec) ?? Array.Empty<KeyValuePair<string, JsonNode?>>())
            if (schema.Find(PhpValues.ToText(value)) is { } field && !fields.Contains(field))
                fields.Add(field);
        return fields.Count > 0 ? fields : defaults.Select(d => schema[d]).ToList();
    }
}
