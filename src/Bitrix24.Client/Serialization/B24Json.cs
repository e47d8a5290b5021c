using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Serialization
{
    /// <summary>The serializer settings for models: Bitrix24's habits (numbers as strings, "" or {} for
    /// nothing, Y/N booleans, ISO dates with offsets) are read by tolerant converters, not by each model.</summary>
    public static class B24Json
    {
        /// <summary>Options with the tolerant converters; do not modify (shared).</summary>
        public static JsonSerializerOptions Options { get; } = CreateOptions();

        /// <summary>Deserializes one row into a model with <see cref="Options"/>.</summary>
        public static T Deserialize<T>(JsonElement element) where T : class
        {
            try
            {
                return JsonSerializer.Deserialize<T>(element, Options) ?? throw new JsonException("The value is null.");
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path!.TrimStart('$', '.');
                throw Misfit<T>(field, e.Message.Split(new[] { " Path:" }, StringSplitOptions.None)[0]);
            }
        }

        /// <summary>Which field of which model, and what it held: "Field ID of a B24User: "abc" is not a whole number".</summary>
        internal static B24Exception Misfit<T>(string? field, string what)
            => new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                "The portal's answer does not fit: " + (field is null ? "" : "Field " + field + " of ") + "a " + typeof(T).Name + ": " + what + ".");

        /// <summary>A JSON value as plain .NET values: string, long, double, bool, null, object?[] and
        /// Dictionary&lt;string, object?&gt; (for callers that do not want to walk JsonElement).</summary>
        public static object? ToPlain(JsonElement element) => JsonReading.ToPlain(element);

        private static JsonSerializerOptions CreateOptions()
        {
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            foreach (var converter in Converters())
                options.Converters.Add(converter);
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }

        private static IEnumerable<JsonConverter> Converters()
        {
            yield return new LenientConverter<int>(e => WholeNumber(e, JsonReading.ToInt32) ?? 0, (w, v) => w.WriteNumberValue(v),
                (ref Utf8JsonReader r) => WholeNumber(ref r, JsonReading.ToInt32) ?? 0);
            yield return new LenientConverter<int?>(e => WholeNumber(e, JsonReading.ToInt32), (w, v) => w.WriteNumberValue(v!.Value),
                (ref Utf8JsonReader r) => WholeNumber(ref r, JsonReading.ToInt32));
            yield return new LenientConverter<long>(e => WholeNumber(e, JsonReading.ToInt64) ?? 0, (w, v) => w.WriteNumberValue(v),
                (ref Utf8JsonReader r) => WholeNumber(ref r, JsonReading.ToInt64) ?? 0);
            yield return new LenientConverter<long?>(e => WholeNumber(e, JsonReading.ToInt64), (w, v) => w.WriteNumberValue(v!.Value),
                (ref Utf8JsonReader r) => WholeNumber(ref r, JsonReading.ToInt64));
            yield return new LenientConverter<double>(e => JsonReading.ToDouble(e) ?? 0, (w, v) => w.WriteNumberValue(v), (ref Utf8JsonReader r) => JsonReading.ToDouble(ref r) ?? 0);
            yield return new LenientConverter<double?>(JsonReading.ToDouble, (w, v) => w.WriteNumberValue(v!.Value), JsonReading.ToDouble);
            yield return new LenientConverter<bool>(e => JsonReading.ToBoolean(e) ?? false, (w, v) => w.WriteBooleanValue(v), (ref Utf8JsonReader r) => JsonReading.ToBoolean(ref r) ?? false);
            yield return new LenientConverter<bool?>(JsonReading.ToBoolean, (w, v) => w.WriteBooleanValue(v!.Value), JsonReading.ToBoolean);
            yield return new LenientConverter<System.DateTimeOffset?>(JsonReading.ToDateTimeOffset,
                (w, v) => w.WriteStringValue(v!.Value.ToString(ParameterValue.DateFormat, CultureInfo.InvariantCulture)), JsonReading.ToDateTimeOffset);
            yield return new LenientConverter<string?>(
                e => e.ValueKind == JsonValueKind.Object || e.ValueKind == JsonValueKind.Array ? null : JsonReading.ToText(e),
                (w, v) => w.WriteStringValue(v), JsonReading.ToText);
            yield return new LenientConverter<IReadOnlyList<int>?>(ReadIntList, WriteIntList);
            yield return new LenientConverter<IReadOnlyList<long>?>(ReadLongList, WriteLongList);
            yield return new LenientConverter<IReadOnlyList<Models.FlowMember>?>(ReadMembers, WriteMembers);
            yield return new LenientConverter<IReadOnlyList<string>?>(ReadTextList, WriteTextList);
            // Values of any shape (a task field's Default) as plain values, never JsonElement.
            yield return new LenientConverter<object?>(JsonReading.ToPlain, (w, v) => JsonSerializer.Serialize(w, v, v!.GetType()), JsonReading.ToPlain);
            // Key → value maps (a select's Options); PHP writes an empty one as [], which is no map.
            yield return new LenientConverter<IReadOnlyDictionary<string, object?>?>(
                e => JsonReading.ToPlain(e) as Dictionary<string, object?>,
                (w, v) => JsonSerializer.Serialize(w, v, typeof(IReadOnlyDictionary<string, object?>)));
            yield return new LenientConverter<Models.BizprocTaskState?>(
                e => JsonReading.ToInt32(e) is { } state ? (Models.BizprocTaskState)state : null,
                (w, v) => w.WriteNumberValue((int)v!.Value),
                (ref Utf8JsonReader r) => JsonReading.ToInt32(ref r) is { } state ? (Models.BizprocTaskState)state : null);
            yield return Numbered<Models.TaskItemPriority>(n => (Models.TaskItemPriority)n, v => (int)v);
            yield return Numbered<Models.TaskItemStatus>(n => (Models.TaskItemStatus)n, v => (int)v);
            yield return new LenientConverter<Models.WorkflowAutoExecute?>(
                e => JsonReading.ToInt32(e) is { } flags ? (Models.WorkflowAutoExecute)flags : null,
                (w, v) => w.WriteNumberValue((int)v!.Value),
                (ref Utf8JsonReader r) => JsonReading.ToInt32(ref r) is { } flags ? (Models.WorkflowAutoExecute)flags : null);
        }

        /// <summary>An enum the portal sends as a number or a numeric string ("2"); empty is null.</summary>
        private static LenientConverter<TEnum?> Numbered<TEnum>(Func<int, TEnum> from, Func<TEnum, int> to) where TEnum : struct
            => new LenientConverter<TEnum?>(
                e => WholeNumber(e, JsonReading.ToInt32) is { } n ? from(n) : null,
                (w, v) => w.WriteNumberValue(to(v!.Value)),
                (ref Utf8JsonReader r) => WholeNumber(ref r, JsonReading.ToInt32) is { } n ? from(n) : null);

        /// <summary>Empty values ("", null, {}, []) are no number; anything else that does not read as one is a
        /// wrong answer, not a silent 0 (an id of 0 would send the next call to the wrong row, or to none).</summary>
        internal static T? WholeNumber<T>(JsonElement e, Func<JsonElement, T?> read) where T : struct
        {
            if (JsonReading.IsEmpty(e))
                return null;
            if (read(e) is { } value)
                return value;
            var raw = e.GetRawText();
            throw new JsonException((raw.Length > 40 ? raw.Substring(0, 40) + "…" : raw) + " is not a whole number in range");
        }

        /// <summary>As <see cref="WholeNumber{T}(JsonElement, Func{JsonElement, T?})"/>, straight from a scalar token.</summary>
        private static T? WholeNumber<T>(ref Utf8JsonReader r, ScalarReader<T?> read) where T : struct
        {
            if (r.TokenType == JsonTokenType.Null || (r.TokenType == JsonTokenType.String && r.ValueTextEquals(string.Empty)))
                return null;
            if (read(ref r) is { } value)
                return value;
            var raw = r.TokenType == JsonTokenType.String ? "\"" + r.GetString() + "\"" : System.Text.Encoding.UTF8.GetString(r.ValueSpan.ToArray());
            throw new JsonException((raw.Length > 40 ? raw.Substring(0, 40) + "…" : raw) + " is not a whole number in range");
        }

        private static void WriteTextList(Utf8JsonWriter writer, IReadOnlyList<string>? list)
        {
            writer.WriteStartArray();
            foreach (var text in list!)
                writer.WriteStringValue(text);
            writer.WriteEndArray();
        }

        private static IReadOnlyList<int>? ReadIntList(JsonElement e) => ReadList<int>(e, item => JsonReading.ToInt32(item));

        private static IReadOnlyList<long>? ReadLongList(JsonElement e) => ReadList<long>(e, item => JsonReading.ToInt64(item));

        /// <summary>Texts, e.g. a template's DOCUMENT_TYPE; an item that is an object is read by its title (a task's tags).</summary>
        private static IReadOnlyList<string>? ReadTextList(JsonElement e) => ReadList<string>(e,
            item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("title", out var title) ? JsonReading.ToText(title) : JsonReading.ToText(item));

        /// <summary>A list as an array, a PHP associative array (object), or a single value; unreadable items are left out.</summary>
        private static Models.FieldList<T>? ReadList<T>(JsonElement e, System.Func<JsonElement, object?> read)
        {
            if (JsonReading.IsEmpty(e))
                return null;
            var list = new List<T>();
            void Add(JsonElement item)
            {
                if (read(item) is { } value)
                    list.Add((T)value);
            }
            if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Add(item);
            else if (e.ValueKind == JsonValueKind.Object)
                foreach (var property in e.EnumerateObject()) Add(property.Value);
            else
                Add(e);
            return new Models.FieldList<T>(list);
        }

        /// <summary>A flow's members: [type, id] pairs as the pages show, or {"type": "id"} objects as one page describes them.</summary>
        private static IReadOnlyList<Models.FlowMember>? ReadMembers(JsonElement e)
        {
            if (JsonReading.IsEmpty(e))
                return null;
            var members = new List<Models.FlowMember>();
            void Add(JsonElement item)
            {
                if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2
                    && JsonReading.ToText(item[0]) is { } type && JsonReading.ToText(item[1]) is { } id)
                    members.Add(new Models.FlowMember(type, id));
                else if (item.ValueKind == JsonValueKind.Object)
                    foreach (var pair in item.EnumerateObject())
                        if (JsonReading.ToText(pair.Value) is { } value)
                            members.Add(new Models.FlowMember(pair.Name, value));
            }
            if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Add(item);
            else
                Add(e);
            return new Models.FieldList<Models.FlowMember>(members);
        }

        private static void WriteMembers(Utf8JsonWriter writer, IReadOnlyList<Models.FlowMember>? members)
        {
            writer.WriteStartArray();
            foreach (var member in members!)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(member.Type);
                writer.WriteStringValue(member.Id);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }

        private static void WriteLongList(Utf8JsonWriter writer, IReadOnlyList<long>? list)
        {
            writer.WriteStartArray();
            foreach (var id in list!)
                writer.WriteNumberValue(id);
            writer.WriteEndArray();
        }

        private static void WriteIntList(Utf8JsonWriter writer, IReadOnlyList<int>? list)
        {
            writer.WriteStartArray();
            foreach (var id in list!)
                writer.WriteNumberValue(id);
            writer.WriteEndArray();
        }
    }
}
