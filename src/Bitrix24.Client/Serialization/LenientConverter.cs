using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Serialization
{
    /// <summary>Reads a value through one of <see cref="JsonReading"/>'s tolerant readers; writes it plainly.</summary>
    internal sealed class LenientConverter<T> : JsonConverter<T>
    {
        private readonly Func<JsonElement, T> read;
        private readonly Action<Utf8JsonWriter, T> write;

        public LenientConverter(Func<JsonElement, T> read, Action<Utf8JsonWriter, T> write)
        {
            this.read = read;
            this.write = write;
        }

        // Null, "" and {} all mean "no value": the readers decide, so they must see nulls too.
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var value = JsonDocument.ParseValue(ref reader);
            return read(value.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is null)
                writer.WriteNullValue();
            else
                write(writer, value);
        }
    }
}
