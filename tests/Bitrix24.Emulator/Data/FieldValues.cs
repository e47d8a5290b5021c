using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>Converts filter input to a field's type and compares typed values (shared by filter and order).</summary>
internal static class FieldValues
{
    /// <summary>Row values as the comparer expects them: integers as long.</summary>
    public static object? Normalize(FieldKind kind, object? value)
        => kind == FieldKind.Integer && value is not null and not long ? Convert.ToInt64(value) : value;

    /// <summary>Reads a filter value as the field's type; false when it cannot be (an unreadable date).</summary>
    public static bool TryConvert(FieldKind kind, JsonNode? input, out object? value)
    {
        value = null;
        if (input is null)
            return true;
        switch (kind)
        {
            case FieldKind.Text:
                value = PhpValues.ToText(input);
                return true;
            case FieldKind.Integer:
            case FieldKind.IntegerList:
                value = PhpValues.ToInt(input);
                return true;
            case FieldKind.Date:
                if (!PortalClock.TryParse(PhpValues.ToText(input), out var date))
                    return false;
                value = date;
                return true;
            case FieldKind.YesNo:
            case FieldKind.Boolean:
                value = input.GetValueKind() switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => PhpValues.ToText(input).ToUpperInvariant() is "Y" or "1" or "TRUE",
                };
                return true;
            default:
                return false;
        }
    }

    /// <summary>Orders two non-null values of one kind; nulls sort first, as in MySQL.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (long x, long y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (IReadOnlyList<long> x, IReadOnlyList<long> y) => x.FirstOrDefault().CompareTo(y.FirstOrDefault()),
        _ => string.CompareOrdinal(Convert.ToString(a), Convert.ToString(b)),
    };
}
