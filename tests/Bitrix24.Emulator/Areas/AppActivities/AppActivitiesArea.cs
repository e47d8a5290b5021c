using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;

namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>
/// Robots (bizproc.robot.*) and workflow activities (bizproc.activity.*) registered by applications. Every
/// method works only in an application's context (a webhook gets 403 ACCESS_DENIED "Application context
/// required") and only for administrators. Rows belong to the application that added them; robots and
/// activities share one code namespace per application, as the portal keys both by md5(application|code).
/// Reset drops them all.
/// </summary>
internal sealed class AppActivitiesArea : PortalArea
{
    private readonly List<AppActivityRow> _rows = new();
    private long _sequence;

    public AppActivitiesArea(PortalState portal)
        : base(portal)
    {
    }

    public override void Register(MethodRegistry methods)
    {
        foreach (var kind in new[] { AppActivityKind.Robot, AppActivityKind.Activity })
        {
            methods.Write(kind.Prefix + ".add", AppActivityMethods.Add(kind), applicationOnly: true);
            methods.Write(kind.Prefix + ".update", AppActivityMethods.Update(kind), applicationOnly: true);
            methods.Read(kind.Prefix + ".list", AppActivityMethods.List(kind), applicationOnly: true);
            methods.Write(kind.Prefix + ".delete", AppActivityMethods.Delete(kind), applicationOnly: true);
        }
    }

    public override void Clear() => _rows.Clear();

    public AppActivityRow? Find(string applicationId, string code)
        => _rows.FirstOrDefault(r => r.ApplicationId == applicationId && r.Code == code);

    /// <summary>An application's robots or activities, in the order they were added.</summary>
    public IEnumerable<AppActivityRow> Of(string applicationId, bool robots)
        => _rows.Where(r => r.ApplicationId == applicationId && r.IsRobot == robots).OrderBy(r => r.Sequence);

    public void Add(string applicationId, string code, bool isRobot, JsonObject fields)
        => _rows.Add(new AppActivityRow { ApplicationId = applicationId, Code = code, IsRobot = isRobot, Fields = fields, Sequence = ++_sequence });

    public void Remove(AppActivityRow row) => _rows.Remove(row);
}
