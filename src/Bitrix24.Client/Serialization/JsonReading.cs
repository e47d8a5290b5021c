using System;
using System.Globalization;
using System.Text.Json;

namespace Bitrix24.Client.Serialization
{
    /// <summary>
    /// Tolerant reads of Bitrix24 JSON values: numbers may come as strings ("57"), missing values as "",
    /// null, {} or [], booleans as Y/N, true/false, "1"/"0" or 1/0, dates as ISO 8601 with an offset (or
    /// the portal's dd.MM.yyyy form, or unix seconds). Anything unreadable is null, never an exception:
    /// one odd field must not break a listing of thousands of rows.
    /// </summary>
    internal static class JsonReading
    {
        private static readonly string[] PortalDateFormats = { "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd" };

        public static bool IsEmpty(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => true,
            JsonValueKind.String => e.GetString()!.Length == 0,
            JsonValueKind.Object => !e.EnumerateObject().MoveNext(),
            JsonValueKind.Array => e.GetArrayLength() == 0,
            _ => false,
        };

        public static long? ToInt64(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                if (e.TryGetInt64(out var whole)) return whole;
                return e.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
            }
            if (e.ValueKind == JsonValueKind.String)
            {
                var text = e.GetString()!.Trim();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
            }
            if (e.ValueKind == JsonValueKind.True) return 1;
            if (e.ValueKind == JsonValueKind.False) return 0;
            return null;
        }

        public static int? ToInt32(JsonElement e)
            => ToInt64(e) is { } v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;

        public static double? ToDouble(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number) return e.GetDouble();
            if (e.ValueKind == JsonValueKind.String
                && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            return null;
        }

        public static bool? ToBoolean(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return ToInt64(e) is { } n ? n != 0 : null;
                case JsonValueKind.String:
                    switch (e.GetString()!.Trim().ToUpperInvariant())
                    {
                        case "Y": case "YES": case "TRUE": case "1": return true;
                        case "N": case "NO": case "FALSE": case "0": return false;
                    }
                    return null;
                default: return null;
            }
        }

        public static DateTimeOffset? ToDateTimeOffset(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number)
                return ToDouble(e) is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
            if (e.ValueKind != JsonValueKind.String)
                return null;
            var text = e.GetString()!.Trim();
            if (text.Length == 0)
                return null;
            // A date without an offset is the portal's server time, which we cannot know: read it as UTC.
            if (DateTimeOffset.TryParseExact(text, PortalDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
                return exact;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        }

        /// <summary>Text of a scalar (numbers keep their JSON spelling); null for empty values and containers.</summary>
        public static string? ToText(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        /// <summary>A property by name, exact first, then ignoring case (field names vary in case between methods).</summary>
        public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
        {
            value = default;
            if (obj.ValueKind != JsonValueKind.Object)
                return false;
            if (obj.TryGetProperty(name, out value))
                return true;
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            return false;
        }

        /// <summary>A JSON value as a plain .NET value: string, long, double, bool, null, object?[] or
        /// Dictionary&lt;string, object?&gt; (what PowerShell and callers without STJ can use).</summary>
        public static object? ToPlain(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number: return e.TryGetInt64(out var whole) ? (object)whole : e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array:
                    var items = new object?[e.GetArrayLength()];
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                        items[i++] = ToPlain(item);
                    return items;
                case JsonValueKind.Object:
                    var map = new System.Collections.Generic.Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in e.EnumerateObject())
                        map[property.Name] = ToPlain(property.Value);
                    return map;
                default: return null;
            }
        }
    }
}
