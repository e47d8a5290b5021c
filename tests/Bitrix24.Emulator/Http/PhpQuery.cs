using System.Text;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// PHP's parse_str: <c>filter[&gt;ID]=5&amp;select[]=ID</c> → a parameter tree. Follows php_register_variable_ex,
/// because the portal reads GET, form bodies and batch sub-calls this way: '+' and %XX decode (brackets may be
/// raw or %5B/%5D), spaces and dots in the base name become '_', an unclosed '[' is kept as '_', text after a
/// closing ']' that is not another '[' is dropped, <c>[]</c> appends, later keys overwrite earlier ones.
/// Arrays whose keys are exactly 0..n-1 come out as JSON arrays, like PHP lists do.
/// </summary>
internal static class PhpQuery
{
    public static JsonObject Parse(string? query)
    {
        var root = new PhpArray();
        foreach (var (name, value) in Pairs(query))
            Add(root, name, value);
        return root.ToJsonObject();
    }

    /// <summary>Builds a tree from already decoded name/value pairs (multipart form fields).</summary>
    public static JsonObject FromPairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new PhpArray();
        foreach (var pair in pairs)
            Add(root, pair.Key, pair.Value);
        return root.ToJsonObject();
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string? query)
    {
        if (string.IsNullOrEmpty(query))
            yield break;
        if (query[0] == '?')
            query = query[1..];
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
                continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            yield return (UrlDecode(name), UrlDecode(value));
        }
    }

    /// <summary>PHP urldecode: '+' is a space, %XX a byte (malformed escapes stay as they are), UTF-8 text.</summary>
    public static string UrlDecode(string text)
    {
        if (text.IndexOf('%') < 0 && text.IndexOf('+') < 0)
            return text;
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
                bytes.Add((byte)' ');
            else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => Uri.IsHexDigit(c);

    private const int MaxNesting = 64;

    private static void Add(PhpArray root, string name, string value)
    {
        name = name.TrimStart(' ');
        var open = name.IndexOf('[');
        var baseName = Sanitize(open < 0 ? name : name[..open], alsoBracket: false);
        if (baseName.Length == 0)
            return;
        if (open < 0)
        {
            root.Set(baseName, value);
            return;
        }

        // Collect the bracketed indexes; null stands for "[]" (append).
        var indexes = new List<string?>();
        var pos = open;
        while (pos < name.Length && name[pos] == '[')
        {
            var close = name.IndexOf(']', pos + 1);
            if (close < 0)
            {
                if (indexes.Count == 0)
                {
                    // Not an index at all: PHP keeps it as part of a plain name.
                    root.Set(baseName + "_" + Sanitize(name[(open + 1)..], alsoBracket: true), value);
                    return;
                }
                break; // PHP stops at the unterminated part and keeps what it has.
            }
            indexes.Add(close == pos + 1 ? null : name.Substring(pos + 1, close - pos - 1));
            pos = close + 1;
            // PHP's max_input_nesting_level (64): a deeper variable is dropped. Without the cap, one request
            // (before authentication, even) could nest deeply enough to overflow the stack when converted.
            if (indexes.Count > MaxNesting)
                return;
        }

        var target = root.ChildArray(baseName);
        for (var i = 0; i < indexes.Count - 1; i++)
            target = target.ChildArray(indexes[i]);
        target.Set(indexes[^1], value);
    }

    private static string Sanitize(string name, bool alsoBracket)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] == ' ' || chars[i] == '.' || (alsoBracket && chars[i] == '['))
                chars[i] = '_';
        return new string(chars);
    }

    /// <summary>An ordered PHP array: canonical integer-looking keys are integers, "[]" appends after the largest.</summary>
    private sealed class PhpArray
    {
        private readonly List<string> _keys = new();
        private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
        private long _nextIndex;

        public void Set(string? key, string value) => Put(key, value);

        public PhpArray ChildArray(string? key)
        {
            if (key is not null && _values.TryGetValue(key, out var existing) && existing is PhpArray array)
                return array;
            var child = new PhpArray();
            Put(key, child);
            return child;
        }

        private void Put(string? key, object value)
        {
            key ??= _nextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PhpValues.TryIntegerKey(key, out var number) && number >= _nextIndex)
                _nextIndex = number + 1;
            if (!_values.ContainsKey(key))
                _keys.Add(key);
            _values[key] = value;
        }

        public JsonObject ToJsonObject()
        {
            var result = new JsonObject();
            foreach (var key in _keys)
                result[key] = Convert(_values[key]);
            return result;
        }

        private JsonNode ToJson()
        {
            if (PhpValues.IsListKeys(_keys))
            {
                var list = new JsonArray();
                foreach (var key in _keys)
                    list.Add(Convert(_values[key]));
                return list;
            }
            return ToJsonObject();
        }

        private static JsonNode Convert(object value)
            => value is PhpArray array ? array.ToJson() : JsonValue.Create((string)value);
    }
}
