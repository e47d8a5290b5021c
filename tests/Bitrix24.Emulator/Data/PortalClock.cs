using System.Globalization;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// The portal's time zone and date formats. The server zone is not UTC on purpose (+03:00), so clients that
/// drop or misread offsets fail in tests rather than in production. Output is ISO 8601 with the offset, as
/// CRestUtil::ConvertDateTime writes it; input also takes the portal's own "dd.mm.yyyy hh:mi:ss" format.
/// </summary>
internal static class PortalClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    public static DateTimeOffset Now => ToPortal(DateTimeOffset.UtcNow);

    /// <summary>Seeded rows date from before this instant, so that runs with the same seed give the same rows.</summary>
    public static readonly DateTimeOffset SeedEpoch = new(2025, 3, 1, 9, 0, 0, Offset);

    /// <summary>Whole seconds in the portal zone (the database keeps no fractions).</summary>
    public static DateTimeOffset ToPortal(DateTimeOffset value)
    {
        var local = value.ToOffset(Offset);
        return new DateTimeOffset(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, Offset);
    }

    public static string Format(DateTimeOffset value) => ToPortal(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static readonly string[] LocalFormats =
    {
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
    };

    /// <summary>ISO 8601 with an offset, or a portal-local format (read in the portal zone).</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, Offset);
            return true;
        }
        if (text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        value = default;
        return false;
    }
}
