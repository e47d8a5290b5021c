namespace Bitrix24.Emulator.Limits;

/// <summary>The mutable counters behind <see cref="EmulatorStats"/>.</summary>
internal sealed class RequestStats
{
    private readonly object _gate = new();
    private long _totalRequests, _batchSubCalls, _sent503, _sent429;
    private readonly Dictionary<string, long> _requestsByMethod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _callsByMethod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _writesByMethod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _faultsByRule = new(StringComparer.Ordinal);

    public void Request(string method)
    {
        lock (_gate)
        {
            _totalRequests++;
            _requestsByMethod[method] = _requestsByMethod.GetValueOrDefault(method) + 1;
        }
    }

    public void Call(string method, bool inBatch)
    {
        lock (_gate)
        {
            _callsByMethod[method] = _callsByMethod.GetValueOrDefault(method) + 1;
            if (inBatch)
                _batchSubCalls++;
        }
    }

    /// <summary>A write method's handler completed: the portal's state changed (whatever the client hears).</summary>
    public void Write(string method)
    {
        lock (_gate)
            _writesByMethod[method] = _writesByMethod.GetValueOrDefault(method) + 1;
    }

    public void Fault(string rule)
    {
        lock (_gate)
            _faultsByRule[rule] = _faultsByRule.GetValueOrDefault(rule) + 1;
    }

    public void QueryLimit()
    {
        lock (_gate)
            _sent503++;
    }

    public void OperationLimit()
    {
        lock (_gate)
            _sent429++;
    }

    public EmulatorStats Snapshot()
    {
        lock (_gate)
            return new EmulatorStats
            {
                TotalRequests = _totalRequests,
                RequestsByMethod = new Dictionary<string, long>(_requestsByMethod),
                BatchSubCalls = _batchSubCalls,
                CallsByMethod = new Dictionary<string, long>(_callsByMethod),
                WritesByMethod = new Dictionary<string, long>(_writesByMethod),
                FaultsFired = _faultsByRule.Values.Sum(),
                FaultsByRule = new Dictionary<string, long>(_faultsByRule),
                Sent503 = _sent503,
                Sent429 = _sent429,
            };
    }

    public void Reset()
    {
        lock (_gate)
        {
            _totalRequests = _batchSubCalls = _sent503 = _sent429 = 0;
            _requestsByMethod.Clear();
            _callsByMethod.Clear();
            _writesByMethod.Clear();
            _faultsByRule.Clear();
        }
    }
}
