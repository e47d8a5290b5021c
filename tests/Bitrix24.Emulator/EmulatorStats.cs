namespace Bitrix24.Emulator;

/// <summary>Counters since start or the last reset; served as JSON at GET /emulator/stats.</summary>
public sealed class EmulatorStats
{
    /// <summary>Every HTTP request to /rest/, whatever its outcome.</summary>
    public long TotalRequests { get; init; }

    /// <summary>HTTP requests per REST method (lower case, no .json suffix); a batch counts once as "batch".</summary>
    public IReadOnlyDictionary<string, long> RequestsByMethod { get; init; } = new Dictionary<string, long>();

    /// <summary>Sub-calls executed inside batch requests.</summary>
    public long BatchSubCalls { get; init; }

    /// <summary>Calls per method, counting both direct calls and batch sub-calls.</summary>
    public IReadOnlyDictionary<string, long> CallsByMethod { get; init; } = new Dictionary<string, long>();

    /// <summary>Executions of write methods per method (direct or in a batch): the handler ran to the end and
    /// the portal changed, even if a fault then kept the answer from the client. "Executed at most once" tests
    /// read this.</summary>
    public IReadOnlyDictionary<string, long> WritesByMethod { get; init; } = new Dictionary<string, long>();

    /// <summary>Faults the fault plan injected, in all.</summary>
    public long FaultsFired { get; init; }

    /// <summary>Faults injected per rule (by the rule's name; unnamed rules are "rule1", "rule2"… in plan order).</summary>
    public IReadOnlyDictionary<string, long> FaultsByRule { get; init; } = new Dictionary<string, long>();

    /// <summary>503 QUERY_LIMIT_EXCEEDED responses sent.</summary>
    public long Sent503 { get; init; }

    /// <summary>429 OPERATION_TIME_LIMIT responses (or sub-call errors) sent.</summary>
    public long Sent429 { get; init; }
}
