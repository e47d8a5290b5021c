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
    private readonly Dictionary<string, AppActivityEvent> _events = new(StringComparer.Ordinal);
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
        methods.Write("bizproc.event.send", AppActivityEvents.Send, applicationOnly: true);
        methods.Write("bizproc.activity.log", AppActivityEvents.Log, applicationOnly: true);
    }

    public override void Clear()
    {
        _rows.Clear();
        _events.Clear();
    }

    /// <summary><c>{"eventTokens":[{"clientId":"…","code":"send_sms"},…]}</c>: a run of each of those robots or
    /// activities, waiting for its application → <c>{"eventTokens":["…",…]}</c>. The robot or activity must be
    /// registered by that application and must wait for an answer (USE_SUBSCRIPTION not N).</summary>
    public override IReadOnlyCollection<string> SeedKeys => ["eventTokens"];

    public override JsonObject Seed(SeedSection section)
    {
        var wanted = section.Get<SeedEvent?[]>("eventTokens") ?? [];
        foreach (var e in wanted)
        {
            if (e is null || string.IsNullOrEmpty(e.ClientId) || string.IsNullOrEmpty(e.Code))
                throw new ArgumentException("each of 'eventTokens' needs a 'clientId' and a 'code'.");
            if (Find(e.ClientId, e.Code) is not { } row)
                throw new ArgumentException("the application '" + e.ClientId + "' has no robot or activity '" + e.Code + "'.");
            if (Http.PhpValues.ToText(row.Fields["USE_SUBSCRIPTION"]) == "N")
                throw new ArgumentException("'" + e.Code + "' does not wait for its application (USE_SUBSCRIPTION is N): it gets no event token.");
        }
        var tokens = wanted.Select(e => (JsonNode?)IssueEvent(e!.ClientId!, e.Code!)).ToArray();
        return new JsonObject { ["eventTokens"] = new JsonArray(tokens) };
    }

    /// <summary>A run of <paramref name="code"/> waiting for its application; the token the handler would receive.</summary>
    public string IssueEvent(string applicationId, string code)
    {
        var secret = new byte[16];
        Portal.Random.NextBytes(secret);
        var token = Bizproc.WorkflowIds.Next(Portal.Random, _ => false) + "|A" + Portal.Random.Next(10000, 99999) + "_" + code + "|"
            + Convert.ToHexString(secret).ToLowerInvariant();
        _events[token] = new AppActivityEvent { Token = token, ApplicationId = applicationId, Code = code };
        return token;
    }

    public AppActivityEvent? FindEvent(string token) => _events.GetValueOrDefault(token);

    private sealed record SeedEvent(string? ClientId, string? Code);

    public AppActivityRow? Find(string applicationId, string code)
        => _rows.FirstOrDefault(r => r.ApplicationId == applicationId && r.Code == code);

    /// <summary>An application's robots or activities, in the order they were added.</summary>
    public IEnumerable<AppActivityRow> Of(string applicationId, bool robots)
        => _rows.Where(r => r.ApplicationId == applicationId && r.IsRobot == robots).OrderBy(r => r.Sequence);

    public void Add(string applicationId, string code, bool isRobot, JsonObject fields)
        => _rows.Add(new AppActivityRow { ApplicationId = applicationId, Code = code, IsRobot = isRobot, Fields = fields, Sequence = ++_sequence });

    public void Remove(AppActivityRow row) => _rows.Remove(row);
}
