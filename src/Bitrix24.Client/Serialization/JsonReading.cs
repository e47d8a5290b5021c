using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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

        [MethodImpl(HotPath.Optimized)]
        public static long? ToInt64(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                if (e.TryGetInt64(out var whole)) return whole;
                return e.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
            }
            if (e.ValueKind == JsonValueKind.String)
                return Int64FromText(e.GetString()!);
            if (e.ValueKind == JsonValueKind.True) return 1;
            if (e.ValueKind == JsonValueKind.False) return 0;
            return null;
        }

        [MethodImpl(HotPath.Optimized)]
        private static long? Int64FromText(string value)
        {
            var text = value.Trim();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
        }

        [MethodImpl(HotPath.Optimized)]
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
                case JsonValueKind.String: return BooleanFromText(e.GetString()!);
                default: return null;
            }
        }

        private static bool? BooleanFromText(string value)
        {
            switch (value.Trim().ToUpperInvariant())
            {
                case "Y": case "YES": case "TRUE": case "1": return true;
                case "N": case "NO": case "FALSE": case "0": return false;
            }
            return null;
        }

        [MethodImpl(HotPath.Optimized)]
        public static DateTimeOffset? ToDateTimeOffset(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number)
                return ToDouble(e) is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
            return e.ValueKind == JsonValueKind.String ? DateTimeOffsetFromText(e.GetString()!) : null;
        }

        [MethodImpl(HotPath.Optimized)]
        private static DateTimeOffset? DateTimeOffsetFromText(string value)
        {
            if (TryIsoWithOffset(value, out var iso))
                return iso;
            var text = value.Trim();
            if (text.Length == 0)
                return null;
            // A date without an offset is the portal's server time, which we cannot know: read it as UTC.
            if (DateTimeOffset.TryParseExact(text, PortalDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
                return exact;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        }

        /// <summary>The portal's usual spelling, 2024-09-13T12:00:00+03:00, read by position (the general parse
        /// below costs microseconds per row). Only plain, in-range values; anything else goes the general way,
        /// which reads these the same.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool TryIsoWithOffset(string t, out DateTimeOffset value)
        {
            value = default;
            if (t.Length != 25 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[22] != ':'
                || (t[19] != '+' && t[19] != '-'))
                return false;
            int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2), hour = Digits(t, 11, 2),
                minute = Digits(t, 14, 2), second = Digits(t, 17, 2), offsetHours = Digits(t, 20, 2), offsetMinutes = Digits(t, 23, 2);
            if (year < 2 || year > 9998 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
                return false;
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            value = new DateTimeOffset(year, month, day, hour, minute, second, t[19] == '-' ? -offset : offset);
            return true;
        }

        /// <summary>The number spelled by <paramref name="count"/> ASCII digits at <paramref name="at"/>, or -1.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static int Digits(string text, int at, int count)
        {
            var n = 0;
            for (var i = at; i < at + count; i++)
            {
                var d = text[i] - '0';
                if (d < 0 || d > 9)
                    return -1;
                n = n * 10 + d;
            }
            return n;
        }

        /// <summary>Text of a scalar (numbers keep their JSON spelling); null for empty values and containers.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string? ToText(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        // The same reads of a scalar token straight from a reader (LenientConverter's fast path): the answers
        // are those of the JsonElement readers above for the same token.

        public static long? ToInt64(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.Number:
                    if (r.TryGetInt64(out var whole)) return whole;
                    return r.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
                case JsonTokenType.String: return Int64FromText(r.GetString()!);
                case JsonTokenType.True: return 1;
                case JsonTokenType.False: return 0;
                default: return null;
            }
        }

        public static int? ToInt32(ref Utf8JsonReader r)
            => ToInt64(ref r) is { } v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;

        public static double? ToDouble(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.Number) return r.GetDouble();
            if (r.TokenType == JsonTokenType.String
                && double.TryParse(r.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            return null;
        }

        public static bool? ToBoolean(ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => ToInt64(ref r) is { } n ? n != 0 : null,
            JsonTokenType.String => BooleanFromText(r.GetString()!),
            _ => null,
        };

        public static DateTimeOffset? ToDateTimeOffset(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.Number)
                return ToDouble(ref r) is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
            return r.TokenType == JsonTokenType.String ? DateTimeOffsetFromText(r.GetString()!) : null;
        }

        /// <summary>As <see cref="ToText(JsonElement)"/>: a number keeps its JSON spelling.</summary>
        public static string? ToText(ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Number => RawText(ref r),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };

        /// <summary>As <see cref="ToPlain(JsonElement)"/> for a scalar token.</summary>
        public static object? ToPlain(ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Number => r.TryGetInt64(out var whole) ? (object)whole : r.GetDouble(),
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };

        private static string RawText(ref Utf8JsonReader r)
        {
            if (!r.HasValueSequence)
                return Encoding.UTF8.GetString(r.ValueSpan.ToArray());
            var bytes = new byte[r.ValueSequence.Length];
            var at = 0;
            foreach (var segment in r.ValueSequence)
            {
                segment.Span.CopyTo(new Span<byte>(bytes, at, segment.Length));
                at += segment.Length;
            }
            return Encoding.UTF8.GetString(bytes);
        }

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
