using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Client.Serialization
{
    internal enum ParameterKind { Null, Boolean, Number, Text, Map, List }

    /// <summary>
    /// One parameter value sorted into the few shapes both wire formats know. The JSON body writer and the
    /// PHP query encoder read values only through this, so a value travels the same way in a plain call and
    /// in a batch sub-call (the bug class "true became True" lives in two formatters that disagree).
    /// No reflection: unknown objects travel as their invariant ToString().
    /// </summary>
    internal readonly struct ParameterValue
    {
        private readonly object? container;

        private ParameterValue(ParameterKind kind, string? text = null, bool flag = false, object? container = null)
        {
            Kind = kind;
            Text = text;
            Flag = flag;
            this.container = container;
        }

        public ParameterKind Kind { get; }

        /// <summary>Invariant text of a Number or Text value.</summary>
        public string? Text { get; }

        /// <summary>The value of a Boolean.</summary>
        public bool Flag { get; }

        /// <summary>ISO 8601 with offset, the datetime form the Bitrix24 docs use (2024-09-13T10:25:01+03:00).</summary>
        public const string DateFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

        public static ParameterValue Of(object? value)
        {
            switch (value)
            {
                case null:
                case DBNull _:
                    return new ParameterValue(ParameterKind.Null);
                case string s:
                    return OfText(s);
                case char c:
                    return OfText(c.ToString());
                case bool b:
                    return new ParameterValue(ParameterKind.Boolean, flag: b);
                case Enum e:
                    return OfText(e.ToString());
                case DateTimeOffset dto:
                    return OfText(dto.ToString(DateFormat, CultureInfo.InvariantCulture));
                case DateTime dt:
                    return OfText(FormatDate(dt));
                case Guid g:
                    return OfText(g.ToString("D"));
                case float f:
                    return Floating(f, f.ToString("R", CultureInfo.InvariantCulture));
                case double d:
                    return Floating(d, d.ToString("R", CultureInfo.InvariantCulture));
                case sbyte _: case byte _: case short _: case ushort _: case int _: case uint _:
                case long _: case ulong _: case decimal _:
                    return OfNumber(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                case JsonElement element:
                    return OfJson(element);
                case JsonDocument document:
                    return OfJson(document.RootElement);
                case JsonNode node:
                    return OfJson(JsonSerializer.SerializeToElement(node));
                case IDictionary _:
                case IEnumerable<KeyValuePair<string, object?>> _:
                    return new ParameterValue(ParameterKind.Map, container: value);
                case IEnumerable _:
                    return new ParameterValue(ParameterKind.List, container: value);
                case IFormattable formattable:
                    return OfText(formattable.ToString(null, CultureInfo.InvariantCulture));
                default:
                    return OfText(value.ToString() ?? "");
            }
        }

        /// <summary>Entries of a Map, keys as invariant text, in the source's own order.</summary>
        public IEnumerable<KeyValuePair<string, object?>> Entries()
        {
            switch (container)
            {
                case JsonElement element:
                    foreach (var property in element.EnumerateObject())
                        yield return new KeyValuePair<string, object?>(property.Name, property.Value);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                        yield return new KeyValuePair<string, object?>(KeyText(entry.Key), entry.Value);
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    foreach (var pair in pairs)
                        yield return pair;
                    break;
                default:
                    throw new InvalidOperationException("Not a map: " + Kind);
            }
        }

        /// <summary>Items of a List.</summary>
        public IEnumerable<object?> Items()
        {
            switch (container)
            {
                case JsonElement element:
                    foreach (var item in element.EnumerateArray())
                        yield return item;
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                        yield return item;
                    break;
                default:
                    throw new InvalidOperationException("Not a list: " + Kind);
            }
        }

        private static ParameterValue OfText(string text) => new ParameterValue(ParameterKind.Text, text);

        private static ParameterValue OfNumber(string text) => new ParameterValue(ParameterKind.Number, text);

        // NaN and infinities are not JSON numbers; they travel as text rather than break the body.
        private static ParameterValue Floating(double value, string text)
            => double.IsNaN(value) || double.IsInfinity(value) ? OfText(text) : OfNumber(text);

        private static string KeyText(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";

        private static string FormatDate(DateTime value)
        {
            // Unspecified is read as local, as DateTimeOffset does; the extremes cannot carry an offset.
            if (value.Kind == DateTimeKind.Utc || value == DateTime.MinValue || value == DateTime.MaxValue)
                return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero)
                    .ToString(DateFormat, CultureInfo.InvariantCulture);
            return new DateTimeOffset(value).ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        private static ParameterValue OfJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return new ParameterValue(ParameterKind.Map, container: element);
                case JsonValueKind.Array:
                    return new ParameterValue(ParameterKind.List, container: element);
                case JsonValueKind.String:
                    return OfText(element.GetString() ?? "");
                case JsonValueKind.Number:
                    return OfNumber(element.GetRawText());
                case JsonValueKind.True:
                    return new ParameterValue(ParameterKind.Boolean, flag: true);
                case JsonValueKind.False:
                    return new ParameterValue(ParameterKind.Boolean, flag: false);
                default:
                    return new ParameterValue(ParameterKind.Null);
            }
        }
    }
}
