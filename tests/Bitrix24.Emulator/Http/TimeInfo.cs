using System.Text.Json.Nodes;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Limits;

namespace Bitrix24.Emulator.Http;

/// <summary>The <c>time</c> object of every response: unix start/finish/duration/processing, the same as portal
/// dates, and the method's operating budget (<c>operating</c>, <c>operating_reset_at</c>).</summary>
internal sealed record TimeInfo(DateTimeOffset Start, DateTimeOffset Finish, OperatingTime.Reading Operating)
{
    /// <summary>For answers given before any method ran (401, 503): nothing used, a window from now.</summary>
    public static TimeInfo Unmetered(DateTimeOffset start, double windowSeconds)
        => new(start, DateTimeOffset.UtcNow, new OperatingTime.Reading(0, (long)Math.Ceiling(start.ToUnixTimeSeconds() + windowSeconds), false));

    public JsonObject ToJson()
    {
        var start = Start.ToUnixTimeMilliseconds() / 1000.0 + (Start.Ticks % 10_000) / 10_000_000.0;
        var finish = Finish.ToUnixTimeMilliseconds() / 1000.0 + (Finish.Ticks % 10_000) / 10_000_000.0;
        var duration = Math.Max(0, finish - start);
        return new JsonObject
        {
            ["start"] = start,
            ["finish"] = finish,
            ["duration"] = duration,
            ["processing"] = duration * 0.9,
            ["date_start"] = PortalClock.Format(Start),
            ["date_finish"] = PortalClock.Format(Finish),
            ["operating_reset_at"] = Operating.ResetAt,
            ["operating"] = Operating.Operating,
        };
    }
}
