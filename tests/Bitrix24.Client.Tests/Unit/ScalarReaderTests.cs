using System.Text;
using System.Text.Json;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>LenientConverter reads scalar tokens straight from the reader: every answer must be the
/// JsonElement reader's for the same token.</summary>
public class ScalarReaderTests
{
    public static TheoryData<string> Tokens() => new()
    {
        "null", "true", "false", "0", "1", "-7", "57", "3.75", "1e3", "9223372036854775807", "9223372036854775808", "1e30", "-2.5",
        "\"\"", "\" 57 \"", "\"57\"", "\"3.5\"", "\"abc\"", "\"Y\"", "\"n\"", "\"yes\"", "\"FALSE\"", "\"0\"", "\"1\"",
        "\"2024-09-13T12:00:00+03:00\"", "\"13.09.2024 10:25:01\"", "\"13.09.2024\"", "\"2024-09-13 10:25:01\"", "1726223101",
        "\"2024-02-29T23:59:59-05:30\"", "\"2023-02-29T10:00:00+03:00\"", "\"2024-09-13T24:00:00+03:00\"", "\"2024-09-13T12:00:00+14:00\"",
        "\"2024-09-13T12:00:00+15:00\"", "\"0001-01-01T00:00:00+03:00\"", "\"2024-09-13T12:00:00Z\"", "\"2024-09-13T12:00:00.123+03:00\"",
        "\"2024-09-1aT12:00:00+03:00\"", "\" 2024-09-13T12:00:00+03:00\"",
                "\"\\u0041\\n\"", "\"2147483648\"", "2147483647", "-2147483649",
    };

    private static T ViaReader<T>(string json, ScalarReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static object? Outcome<T>(Func<T> read)
    {
        try { return read(); }
        catch (Exception ex) { return ex.GetType(); }
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Each_scalar_reads_as_through_a_JsonElement(string json)
    {
        var e = JsonDocument.Parse(json).RootElement;
        Assert.Equal(JsonReading.ToInt64(e), ViaReader<long?>(json, JsonReading.ToInt64));
        Assert.Equal(JsonReading.ToInt32(e), ViaReader<int?>(json, JsonReading.ToInt32));
        Assert.Equal(JsonReading.ToDouble(e), ViaReader<double?>(json, JsonReading.ToDouble));
        Assert.Equal(JsonReading.ToBoolean(e), ViaReader<bool?>(json, JsonReading.ToBoolean));
        // Unix seconds past year 9999 throw on both paths (as before the fast path).
        Assert.Equal(Outcome(() => JsonReading.ToDateTimeOffset(e)), Outcome(() => ViaReader<DateTimeOffset?>(json, JsonReading.ToDateTimeOffset)));
        Assert.Equal(JsonReading.ToText(e), ViaReader<string?>(json, JsonReading.ToText));
        Assert.Equal(JsonReading.ToPlain(e), ViaReader<object?>(json, JsonReading.ToPlain));
    }

    [Theory]
    [InlineData("2024-09-13T12:00:00+03:00")]
    [InlineData("2024-02-29T23:59:59-05:30")]
    [InlineData("2023-02-29T10:00:00+03:00")]
    [InlineData("2024-09-13T24:00:00+03:00")]
    [InlineData("2024-09-13T12:00:00+14:00")]
    [InlineData("2024-09-13T12:00:00+15:00")]
    [InlineData("9999-12-31T23:59:59+03:00")]
    [InlineData("2024-09-13T12:00:00-00:00")]
    [InlineData("2024-09-13T12:60:00+03:00")]
    public void An_iso_date_with_an_offset_reads_as_the_general_parse_reads_it(string text)
    {
        DateTimeOffset? general = DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        var read = JsonReading.ToDateTimeOffset(JsonDocument.Parse("\"" + text + "\"").RootElement);
        Assert.Equal(general, read);
        Assert.Equal(general?.Offset, read?.Offset);
    }
}
