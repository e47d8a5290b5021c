using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>
/// One run of a robot or activity waiting for its application: the portal sent the handler an
/// <c>event_token</c>; bizproc.activity.log adds log lines while it waits, bizproc.event.send hands back the
/// return values and ends the wait (the token is then spent: ACCESS_DENIED).
/// </summary>
internal sealed class AppActivityEvent
{
    public required string Token { get; init; }
    public required string ApplicationId { get; init; }
    public required string Code { get; init; }
    public bool Completed { get; set; }
    public JsonNode? ReturnValues { get; set; }
    public List<string> Log { get; } = new();
}
