using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Limits
{
    /// <summary>
    /// The portal's per-method operating-time budget (shared/api-reference/settings__performance__limits.md:
    /// 480 s of execution per method in a sliding 10-minute window; past it, 429 OPERATION_TIME_LIMIT until the
    /// oldest basket leaves the window). Every answer and every batch sub-call reports the method's
    /// <c>time.operating</c> and <c>operating_reset_at</c>; this keeps the latest reading per method and what one
    /// call costs, so a caller can hold a method back before the portal refuses it, and after a refusal wait
    /// exactly until the budget frees up — within <see cref="B24ClientOptions.MaxOperatingWait"/> per call.
    /// One per connection: the portal keeps the budget per webhook (or application user) and method.
    /// </summary>
    internal sealed class OperatingBudget
    {
        // A wait ends this long after operating_reset_at: the portal's clock and ours differ a little.
        private static readonly TimeSpan ResetSlack = TimeSpan.FromMilliseconds(500);

        private readonly double limitSeconds;
        private readonly Action<string>? log;
        private readonly Func<DateTimeOffset> now;
        private readonly Dictionary<string, Reading> readings = new Dictionary<string, Reading>(StringComparer.OrdinalIgnoreCase);

        private sealed class Reading
        {
            public double Operating;
            public DateTimeOffset ResetAt;
            /// <summary>What one call of the method costs, as the readings tell (a moving estimate).</summary>
            public double PerCall;
        }

        public OperatingBudget(B24ClientOptions options, Func<DateTimeOffset>? clock = null)
        {
            limitSeconds = options.OperatingLimit.TotalSeconds;
            MaxWait = options.MaxOperatingWait;
            log = options.Log;
            now = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The most one call (or one listing, or one bulk run) waits for budgets in all.</summary>
        public TimeSpan MaxWait { get; }

        /// <summary>Takes a method's reading from an answer's (or a sub-call's) <c>time</c>.</summary>
        public void Observe(string method, B24Time? time)
        {
            if (time?.Operating is not double operating || time.OperatingResetAt is not DateTimeOffset resetAt)
                return;
            lock (readings)
            {
                if (!readings.TryGetValue(method, out var reading))
                {
                    readings[method] = new Reading { Operating = operating, ResetAt = resetAt };
                    return;
                }
                var grew = operating - reading.Operating;
                // Only growth within one window says what a call costs; a drop is the window moving on.
                if (grew > 0 && resetAt >= reading.ResetAt)
                    reading.PerCall = reading.PerCall == 0 ? grew : 0.7 * reading.PerCall + 0.3 * grew;
                reading.Operating = operating;
                reading.ResetAt = resetAt;
            }
        }

        /// <summary>How long <paramref name="calls"/> calls of <paramref name="method"/> should wait so that none is
        /// refused: zero while the budget has room for them, else until the reading's reset time.</summary>
        public TimeSpan DelayBefore(string method, int calls)
        {
            lock (readings)
            {
                if (!readings.TryGetValue(method, out var reading) || reading.PerCall == 0)
                    return TimeSpan.Zero;
                var until = reading.ResetAt - now();
                if (until <= TimeSpan.Zero)
                {
                    readings.Remove(method);
                    return TimeSpan.Zero;
                }
                // The portal runs a call while the total so far is within the limit.
                return reading.Operating + (calls - 1) * reading.PerCall <= limitSeconds ? TimeSpan.Zero : until + ResetSlack;
            }
        }

        /// <summary>When a refused method (<paramref name="refusal"/>, OPERATION_TIME_LIMIT) frees up, from the
        /// refusal's own time or the last reading.</summary>
        public DateTimeOffset? ResetOf(B24Exception refusal)
        {
            if (refusal.Time?.OperatingResetAt is { } resetAt)
                return resetAt;
            lock (readings)
                return refusal.Method is { } method && readings.TryGetValue(method, out var reading) ? reading.ResetAt : (DateTimeOffset?)null;
        }

        /// <summary>Waits <paramref name="delay"/> for <paramref name="method"/>'s budget when <paramref name="deadline"/>
        /// still allows it (saying so in the log); false when it does not.</summary>
        public async Task<bool> WaitAsync(string method, TimeSpan delay, Deadline deadline, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero)
                return true;
            if (!deadline.Allows(delay))
                return false;
            B24Log.Write(log, "Waiting " + Math.Ceiling(delay.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s for the operating-time budget of "
                + method + " (480 s per 10 minutes; frees up at " + (now() + delay).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC)");
            deadline.Spend(delay);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>After a refusal: waits until the method frees up, within the deadline; false (and the refusal
        /// stands, its message saying when to come back) when that is too far.</summary>
        public Task<bool> WaitAfterRefusalAsync(B24Exception refusal, Deadline deadline, CancellationToken cancellationToken)
        {
            var resetAt = ResetOf(refusal);
            var delay = resetAt is { } at ? at - now() + ResetSlack : TimeSpan.FromSeconds(60);
            return WaitAsync(refusal.Method ?? "the method", delay < ResetSlack ? ResetSlack : delay, deadline, cancellationToken);
        }

        /// <summary>The refusal as it surfaces past the deadline: the same code, with when it frees up.</summary>
        public B24Exception Unwaited(B24Exception refusal)
        {
            var resetAt = ResetOf(refusal);
            var when = resetAt is { } at ? " It frees up at " + at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC," : "";
            return new B24Exception(refusal.Code, refusal.Description + "." + when + " past the " + (long)MaxWait.TotalSeconds
                + " s this call may wait (B24ClientOptions.MaxOperatingWait).", refusal.HttpStatus, refusal.Method, refusal) { Time = refusal.Time };
        }
    }

    /// <summary>How much waiting for budgets one call (or listing, or bulk run) has left.</summary>
    internal sealed class Deadline
    {
        private TimeSpan left;

        public Deadline(TimeSpan total) => left = total;

        public bool Allows(TimeSpan wait) => wait <= left;

        public void Spend(TimeSpan wait) => left -= wait;
    }
}
