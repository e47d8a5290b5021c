using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Faults;

/// <summary>When a rule's effect happens: instead of the call (it never runs) or after it ran (its effect stays).</summary>
internal enum FaultTiming
{
    Before,
    After,
}

/// <summary>
/// One fault rule: which requests it hits (a method or any; from the n-th matching request on, a number of
/// times, or a share of them drawn from a seeded Random) and what happens to them (a delay, then an answer of
/// its own — a JSON error or a raw body such as a proxy's HTML page — or a dropped connection, or the real
/// answer cut to its first bytes), before or after the call's effect.
/// </summary>
internal sealed record FaultRule
{
    /// <summary>Shown in stats (faultsByRule); "rule1", "rule2"… in the order rules were added when not given.</summary>
    public string Name { get; init; } = "";

    /// <summary>The request's REST method (lower case, as normalized; "batch" for a batch); null hits any.</summary>
    public string? Method { get; init; }

    /// <summary>The first matching request (1-based) the rule may fire on.</summary>
    public int Nth { get; init; } = 1;

    /// <summary>How many times it fires; null: no limit (the default when <see cref="Share"/> is set, else 1).</summary>
    public int? Times { get; init; }

    /// <summary>The chance (0–1) that an eligible request is hit; null: every eligible request.</summary>
    public double? Share { get; init; }

    /// <summary>Seed of this rule's Random (for <see cref="Share"/>); null: the portal's random seed plus the rule's number.</summary>
    public int? Seed { get; init; }

    public FaultTiming When { get; init; } = FaultTiming.Before;

    /// <summary>Milliseconds to wait before the effect (alone: a slow answer).</summary>
    public int DelayMs { get; init; }

    /// <summary>Drop the connection without an answer.</summary>
    public bool Abort { get; init; }

    /// <summary>After the call: send only this many bytes of the real answer (truncated JSON).</summary>
    public int? TruncateAt { get; init; }

    /// <summary>The HTTP status of the rule's own answer; null: no answer of its own.</summary>
    public int? Status { get; init; }

    /// <summary>A JSON error answer: <c>{"error":…,"error_description":…,"time":…}</c>.</summary>
    public string? Error { get; init; }

    public string? Description { get; init; }

    /// <summary>A raw answer body (an HTML error page, malformed JSON), sent with <see cref="ContentType"/>.</summary>
    public string? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>True when the rule answers by itself (status, error or body) rather than letting the call answer.</summary>
    public bool Answers => Status is not null;

    public JsonObject Describe() => new()
    {
        ["name"] = Name,
        ["method"] = Method ?? "*",
        ["nth"] = Nth,
        ["times"] = Times,
        ["share"] = Share,
        ["when"] = When == FaultTiming.After ? "after" : "before",
        ["delayMs"] = DelayMs,
        ["abort"] = Abort,
        ["truncateAt"] = TruncateAt,
        ["status"] = Status,
        ["error"] = Error,
        ["description"] = Description,
        ["body"] = Body,
        ["contentType"] = ContentType,
    };
}
