using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// The top-level parameters of one call. Names are case-insensitive (the portal upper-cases them with
/// array_change_key_case, so the last spelling wins); the values are the raw tree (strings from query strings
/// and forms, typed values from JSON).
/// </summary>
internal sealed class RestParams
{
    private readonly JsonObject _values;

    public RestParams(JsonObject values) => _values = values;

    public static RestParams Empty => new(new JsonObject());

    public JsonObject Raw => _values;

    public bool Has(string name) => Find(name) is not null;

    /// <summary>The value under <paramref name="name"/> in any letter case; null when absent (or JSON null).</summary>
    public JsonNode? Get(string name) => Find(name)?.Value;

    /// <summary>The parameters except the named ones (user.get reads leftover top-level keys as its filter).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Except(IReadOnlySet<string> names)
        => _values.Where(p => !names.Contains(p.Key.ToUpperInvariant()));

    private KeyValuePair<string, JsonNode?>? Find(string name)
    {
        KeyValuePair<string, JsonNode?>? found = null;
        foreach (var pair in _values)
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                found = pair;
        return found;
    }

    /// <summary>These parameters without <paramref name="name"/> in any letter case.</summary>
    public RestParams Without(string name)
    {
        if (!Has(name))
            return this;
        var copy = new JsonObject();
        foreach (var (key, value) in _values)
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                copy[key] = value?.DeepClone();
        return new RestParams(copy);
    }

    /// <summary>Top-level merge: later sources win over earlier ones whatever the letter case.</summary>
    public static RestParams Merge(params JsonObject[] sources)
    {
        var merged = new JsonObject();
        foreach (var source in sources)
            foreach (var (key, value) in source.ToList())
            {
                foreach (var existing in merged.Where(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToList())
                    merged.Remove(existing);
                merged[key] = value?.DeepClone();
            }
        return new RestParams(merged);
    }
}
