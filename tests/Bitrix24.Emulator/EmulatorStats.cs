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

    /// <summary>503 QUERY_LIMIT_EXCEEDED responses sent.</summary>
    public long Sent503 { get; init; }

    /// <summary>429 OPERATION_TIME_LIMIT responses (or sub-call errors) sent.</summary>
    public long Sent429 { get; init; }
}
