namespace Bitrix24.Emulator.Limits;

/// <summary>
/// Per-method execution-time accounting ("operating"), kept per webhook (user) and method in ten baskets of a
/// tenth of the window each (one minute on the portal, whose window is 600 s). A basket counts for the window
/// from the first call recorded in it. A call is refused (429 OPERATION_TIME_LIMIT) when the sum already exceeds
/// the limit before it runs; otherwise it is charged. Limit, cost and window are read from the options at
/// every call (the control API may change them; <see cref="Reset"/> then starts the baskets afresh).
/// </summary>
internal sealed class OperatingTime
{
    /// <summary>Baskets per window, as on the portal.</summary>
    private const int Baskets = 10;

    private sealed class Basket
    {
        public long Minute;
        public double FirstCall;
        public double Seconds;
    }

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<(long User, string Method), List<Basket>> _baskets = new();

    public OperatingTime(EmulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The budget of one (user, method) right now: seconds used and when the oldest basket expires.</summary>
    public readonly record struct Reading(double Operating, long ResetAt, bool Blocked);

    /// <summary>Checks the budget and, when it is not exhausted, charges one call to it.</summary>
    public Reading Charge(long user, string method) => Read(user, method, charge: true);

    /// <summary>The budget without charging (batch itself is not accounted, only its sub-calls).</summary>
    public Reading Peek(long user, string method) => Read(user, method, charge: false);

    private Reading Read(long user, string method, bool charge)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        lock (_gate)
        {
            var (limit, cost, window) = (_options.OperatingLimitSeconds, _options.OperatingCostSeconds, _options.OperatingWindowSeconds);
            if (!_baskets.TryGetValue((user, method), out var baskets))
                _baskets[(user, method)] = baskets = new List<Basket>();
            baskets.RemoveAll(b => b.FirstCall + window <= now);
            var used = baskets.Sum(b => b.Seconds);
            var blocked = used > limit;
            if (charge && !blocked)
            {
                var minute = (long)Math.Floor(now / (window / Baskets));
                var basket = baskets.Find(b => b.Minute == minute);
                if (basket is null)
                    baskets.Add(basket = new Basket { Minute = minute, FirstCall = now });
                basket.Seconds += cost;
                used += cost;
            }
            var resetAt = (long)Math.Ceiling((baskets.Count > 0 ? baskets.Min(b => b.FirstCall) : now) + window);
            return new Reading(Math.Round(used, 6), resetAt, blocked);
        }
    }

    public void Reset()
    {
        lock (_gate)
            _baskets.Clear();
    }
}
