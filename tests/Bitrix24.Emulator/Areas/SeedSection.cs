using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.Emulator.Areas;

/// <summary>
/// The keys of one <c>POST /emulator/seed</c> request that belong to one area (names matched in any letter
/// case). Values are read with the web defaults (camelCase, case-insensitive); a value of the wrong shape is an
/// <see cref="ArgumentException"/> (400) that names the key.
/// </summary>
internal sealed class SeedSection
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly JsonObject _values;

    public SeedSection(JsonObject values) => _values = values;

    public bool IsEmpty => _values.Count == 0;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>The value under <paramref name="key"/> as <typeparamref name="T"/>; default when absent or null.</summary>
    /// <exception cref="ArgumentException">The value does not have the shape of <typeparamref name="T"/>.</exception>
    public T? Get<T>(string key)
    {
        var node = Find(key);
        if (node is null)
            return default;
        try
        {
            return node.Deserialize<T>(Web);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"'{key}' has the wrong shape: {e.Message}");
        }
    }

    /// <summary>A whole number at least zero; 0 when absent.</summary>
    public int Count(string key)
    {
        var count = Get<int?>(key) ?? 0;
        return count >= 0 ? count : throw new ArgumentException($"'{key}' must be zero or more.");
    }

    private JsonNode? Find(string key)
        => _values.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
