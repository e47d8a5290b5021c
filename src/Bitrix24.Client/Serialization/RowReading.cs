using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;

namespace Bitrix24.Client.Serialization
{
    /// <summary>
    /// The pieces of hand-written row readers for listings that stream many rows (Get-B24Workflow: 100,000 and
    /// more). The serializer's generic path costs several microseconds a row and, in a fresh PowerShell, far more
    /// while its code warms up; a reader that walks the row once costs a fraction. Each read here gives what the
    /// model's converter in <see cref="B24Json"/> gives for the same value, and a misfit fails with its message.
    /// </summary>
    internal static class RowReading
    {
        /// <summary>The row as an object, or the misfit <see cref="B24Json.Deserialize{T}"/> reports.</summary>
        public static JsonElement.ObjectEnumerator Fields<T>(JsonElement row)
        {
            if (row.ValueKind != JsonValueKind.Object)
                throw B24Json.Misfit<T>(null, row.ValueKind == JsonValueKind.Null ? "The value is null" : "The JSON value could not be converted to " + typeof(T).FullName);
            return row.EnumerateObject();
        }

        /// <summary>As the string converter: a scalar's text (a number keeps its spelling); null for containers and null.</summary>
        public static string? Text(JsonElement value) => JsonReading.ToText(value);

        /// <summary>As the date converter (ISO with an offset, the portal's forms, unix seconds); null when unreadable.</summary>
        public static DateTimeOffset? Date(JsonElement value) => JsonReading.ToDateTimeOffset(value);

        /// <summary>As the int? converter: empty values are none, anything else that is no whole number a misfit.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static int? WholeNumber<T>(JsonProperty field)
        {
            var value = field.Value;
            if (JsonReading.ToInt32(value) is { } number)
                return number;
            try
            {
                // Not a number in range: empty (none) or a misfit, which the converter's check words.
                return B24Json.WholeNumber(value, JsonReading.ToInt32);
            }
            catch (JsonException e)
            {
                throw B24Json.Misfit<T>(field.Name, e.Message);
            }
        }

        /// <summary>The index of the field's name in <paramref name="names"/> (exact first, then ignoring case, as
        /// the serializer's options match), or -1 for a field the model does not name.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static int Match(JsonProperty field, FieldNames names)
        {
            for (var i = 0; i < names.Utf8.Length; i++)
            {
                if (field.NameEquals(names.Utf8[i]))
                    return i;
            }
            var name = field.Name;
            for (var i = 0; i < names.Text.Length; i++)
            {
                if (string.Equals(name, names.Text[i], StringComparison.OrdinalIgnoreCase))
                    return i;
            }
            return -1;
        }

        /// <summary>A field the model does not name, kept as the serializer's extension data keeps it.</summary>
        public static void Keep(B24Entity entity, JsonProperty field)
            => (entity.ExtensionData ??= new Dictionary<string, JsonElement>())[field.Name] = field.Value;
    }

    /// <summary>A model's JSON field names, as text and as UTF-8 (compared without making a string per field).</summary>
    internal sealed class FieldNames
    {
        public FieldNames(params string[] names)
        {
            Text = names;
            Utf8 = Array.ConvertAll(names, name => System.Text.Encoding.UTF8.GetBytes(name));
        }

        public string[] Text { get; }
        public byte[][] Utf8 { get; }
    }
}
