using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Serialization
{
    /// <summary>Reads a scalar token (string, number, true, false, null) where the reader stands.</summary>
    internal delegate T ScalarReader<T>(ref Utf8JsonReader reader);

    /// <summary>Reads a value through one of <see cref="JsonReading"/>'s tolerant readers; writes it plainly.
    /// With a <c>scalar</c> reader, a scalar token is read straight from the reader (the same answer, without a
    /// JsonDocument per value); objects and arrays always go through <c>read</c>.</summary>
    internal sealed class LenientConverter<T> : JsonConverter<T>
    {
        private readonly Func<JsonElement, T> read;
        private readonly Action<Utf8JsonWriter, T> write;
        private readonly ScalarReader<T>? scalar;

        public LenientConverter(Func<JsonElement, T> read, Action<Utf8JsonWriter, T> write, ScalarReader<T>? scalar = null)
        {
            this.read = read;
            this.write = write;
            this.scalar = scalar;
        }

        // Null, "" and {} all mean "no value": the readers decide, so they must see nulls too.
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (scalar is not null && reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
                return scalar(ref reader);
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
