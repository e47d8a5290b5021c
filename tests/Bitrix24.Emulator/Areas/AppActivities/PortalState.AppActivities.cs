using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.AppActivities;

namespace Bitrix24.Emulator;

/// <summary>What tests read of the robots and activities applications registered (each call takes the portal lock).</summary>
public sealed partial class PortalState
{
    /// <summary>Codes of the robots (or, with <paramref name="robots"/> false, the activities) of an application.</summary>
    public IReadOnlyList<string> AppActivityCodes(string clientId, bool robots = true)
    {
        lock (SyncRoot)
            return Area<AppActivitiesArea>().Of(clientId, robots).Select(r => r.Code).ToList();
    }

    /// <summary>The stored fields of a robot or activity (upper-case keys, as the portal keeps them), or null.</summary>
    public JsonObject? AppActivityFields(string clientId, string code)
    {
        lock (SyncRoot)
            return Area<AppActivitiesArea>().Find(clientId, code)?.Fields.DeepClone() as JsonObject;
    }

    /// <summary>Starts a run of an application's robot or activity that waits for its answer; returns the event token.</summary>
    public string IssueEventToken(string clientId, string code)
    {
        lock (SyncRoot)
            return Area<AppActivitiesArea>().IssueEvent(clientId, code);
    }

    /// <summary>What the application sent for a run: completed (bizproc.event.send), the return values as JSON
    /// text, and the log lines (bizproc.activity.log, then event.send's LOG_MESSAGE); null for an unknown token.</summary>
    public (bool Completed, string? ReturnValues, IReadOnlyList<string> Log)? AppActivityEvent(string token)
    {
        lock (SyncRoot)
            return Area<AppActivitiesArea>().FindEvent(token) is { } e ? (e.Completed, e.ReturnValues?.ToJsonString(), e.Log.ToList()) : null;
    }
}
