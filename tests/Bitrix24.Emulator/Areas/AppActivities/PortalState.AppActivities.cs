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
}
