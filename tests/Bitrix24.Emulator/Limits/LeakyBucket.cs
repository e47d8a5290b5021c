namespace Bitrix24.Emulator.Limits;

/// <summary>
/// The portal's request-rate limit: a counter that drains <c>rate</c> per second continuously; a request that
/// would lift it above <c>burst</c> is refused (503 QUERY_LIMIT_EXCEEDED) and does not count. One bucket per
/// portal, shared by every webhook (the real one is per portal and source IP, and tests have one IP).
/// </summary>
internal sealed class LeakyBucket
{
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _level;
    private long _lastTimestamp;

    public LeakyBucket(double rate, int burst, TimeProvider time)
    {
        _rate = rate;
        _burst = burst;
        _time = time;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Counts one request; false when the bucket is full.</summary>
    public bool TryAdd()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _level = Math.Max(0, _level - _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds * _rate);
            _lastTimestamp = now;
            if (_level + 1 > _burst)
                return false;
            _level += 1;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _level = 0;
            _lastTimestamp = _time.GetTimestamp();
        }
    }
}
