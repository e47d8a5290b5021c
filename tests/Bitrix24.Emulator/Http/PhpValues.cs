using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// How PHP sees a parameter value. The portal's code is PHP, so a JSON object and a JSON array are both "an
/// array", "0" is false, and (int)"12abc" is 12. Handlers use these instead of guessing.
/// </summary>
internal static class PhpValues
{
    /// <summary>PHP turns canonical decimal keys ("0", "-7"; not "07", "+7") into integers.</summary>
    public static bool TryIntegerKey(string key, out long value)
    {
        value = 0;
        if (key.Length == 0 || key.Length > 20)
            return false;
        var digits = key[0] == '-' ? key.AsSpan(1) : key.AsSpan();
        if (digits.Length == 0 || (digits[0] == '0' && (digits.Length > 1 || key[0] == '-')))
            return false;
        foreach (var c in digits)
            if (c < '0' || c > '9')
                return false;
        return long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Keys exactly "0".."n-1" in order: PHP's json_encode writes such an array as a JSON list.</summary>
    public static bool IsListKeys(IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
            if (keys[i] != i.ToString(CultureInfo.InvariantCulture))
                return false;
        return true;
    }

    /// <summary>A PHP array (JSON object or list) as key/value pairs; null for a scalar.</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode?>>? Entries(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToList(),
        JsonArray list => list.Select((item, i) => new KeyValuePair<string, JsonNode?>(i.ToString(CultureInfo.InvariantCulture), item)).ToList(),
        _ => null,
    };

    public static bool IsArray(JsonNode? node) => node is JsonObject or JsonArray;

    /// <summary>PHP truthiness: null, false, 0, 0.0, "", "0" and empty arrays are false.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonArray list => list.Count > 0,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(node) != 0,
            JsonValueKind.String => node.GetValue<string>() is var s && s != "" && s != "0",
            _ => false,
        },
    };

    /// <summary>PHP's (string) cast: true → "1", false/null → "", arrays → "Array".</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => "",
        JsonObject or JsonArray => "Array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.True => "1",
            JsonValueKind.False => "",
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => "",
        },
    };

    /// <summary>PHP's (int) cast: the leading integer of a string, 0 when there is none.</summary>
    public static long ToInt(JsonNode? node)
    {
        if (node is JsonValue && node.GetValueKind() == JsonValueKind.Number)
            return (long)Number(node);
        if (node is JsonValue && node.GetValueKind() == JsonValueKind.True)
            return 1;
        if (node is JsonObject or JsonArray)
            return Entries(node)!.Count > 0 ? 1 : 0;
        return ToInt(ToText(node));
    }

    public static long ToInt(string text)
    {
        var s = text.TrimStart(' ', '\t', '\n', '\r', '\v', '\f');
        var end = 0;
        if (end < s.Length && (s[end] == '-' || s[end] == '+'))
            end++;
        var digitsStart = end;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
            end++;
        if (end == digitsStart)
            return 0;
        return long.TryParse(s.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : (s[0] == '-' ? long.MinValue : long.MaxValue);
    }

    /// <summary>A JSON number however the node was built (parsed or created from a .NET value).</summary>
    public static double Number(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A .NET value for assertions: string/long/double/bool/null, object?[] and dictionaries.</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray list => list.Select(ToPlain).ToArray(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            JsonValueKind.Number => Number(node),
            _ => null,
        },
    };
}
