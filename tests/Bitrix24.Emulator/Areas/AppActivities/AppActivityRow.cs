using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>A robot or activity an application registered: its code and the fields as stored (top-level and
/// property-object keys upper-cased, as the portal's prepareActivityData does; property names kept).</summary>
internal sealed class AppActivityRow
{
    public required string ApplicationId { get; init; }
    public required string Code { get; init; }
    public required bool IsRobot { get; init; }
    public required JsonObject Fields { get; set; }
    public long Sequence { get; init; }
}
