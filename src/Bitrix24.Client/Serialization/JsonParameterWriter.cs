using System.IO;
using System.Text.Json;

namespace Bitrix24.Client.Serialization
{
    /// <summary>Writes call parameters as the JSON body of a REST call, straight from the caller's
    /// dictionaries and lists (no reflection, no intermediate model).</summary>
    internal static class JsonParameterWriter
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            // Keep non-ASCII text readable and let PHP's json_decode see exactly what the user wrote.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>UTF-8 JSON of <paramref name="parameters"/>; null becomes <c>{}</c> (a call without parameters).</summary>
        public static byte[] ToUtf8(object? parameters)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                if (parameters is null)
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                {
                    Write(writer, parameters);
                }
            }
            return stream.ToArray();
        }

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            var parameter = ParameterValue.Of(value);
            switch (parameter.Kind)
            {
                case ParameterKind.Null:
                    writer.WriteNullValue();
                    break;
                case ParameterKind.Boolean:
                    writer.WriteBooleanValue(parameter.Flag);
                    break;
                case ParameterKind.Number:
                    writer.WriteRawValue(parameter.Text!, skipInputValidation: false);
                    break;
                case ParameterKind.Text:
                    writer.WriteStringValue(parameter.Text);
                    break;
                case ParameterKind.Map:
                    writer.WriteStartObject();
                    foreach (var entry in parameter.Entries())
                    {
                        writer.WritePropertyName(entry.Key);
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case ParameterKind.List:
                    writer.WriteStartArray();
                    foreach (var item in parameter.Items())
                        Write(writer, item);
                    writer.WriteEndArray();
                    break;
            }
        }
    }
}
