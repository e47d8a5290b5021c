using System;
using System.Threading;

namespace Bitrix24.Client.Http
{
    /// <summary>
    /// How many requests a bulk caller should keep in flight against one portal: a small cap (additive increase,
    /// multiplicative decrease, as TCP does). It halves after a 503 (the portal's bucket is fuller than ours
    /// thinks) and steps down when an answer takes much longer than usual (the portal is working hard), and it
    /// climbs back one step per run of quick answers. In flight does not mean unpaced: every request still
    /// waits for its token, so the cap only lets the burst (and Enterprise's faster drain) be used at once
    /// instead of one round trip after another. Shared, like the bucket, by every client of the portal.
    /// </summary>
    internal sealed class ParallelismControl
    {
        /// <summary>The most requests in flight at once: enough to fill round trips at 5 requests/s, few enough
        /// that a refused burst costs little.</summary>
        public const int Max = 4;

        // Quick answers in a row before the cap climbs one step.
        private const int QuickAnswersPerStep = 8;

        private readonly object gate = new object();
        private int limit = Max;
        private int quickAnswers;
        private double typicalSeconds;

        public int Limit => Volatile.Read(ref limit);

        /// <summary>A 503: halve the cap.</summary>
        public void Throttled()
        {
            lock (gate)
            {
                limit = Math.Max(1, limit / 2);
                quickAnswers = 0;
            }
        }

        /// <summary>An answer came after <paramref name="elapsed"/>: slow ones (over three times the typical
        /// time, and over a second) lower the cap, runs of the others raise it.</summary>
        public void Answered(TimeSpan elapsed)
        {
            var seconds = elapsed.TotalSeconds;
            lock (gate)
            {
                var slow = typicalSeconds > 0 && seconds > 1 && seconds > 3 * typicalSeconds;
                // A moving average that slow answers barely move, so one stall does not become the norm.
                typicalSeconds = typicalSeconds == 0 ? seconds : typicalSeconds + (slow ? 0.02 : 0.2) * (seconds - typicalSeconds);
                if (slow)
                {
                    limit = Math.Max(1, limit - 1);
                    quickAnswers = 0;
                }
                else if (limit < Max && ++quickAnswers >= QuickAnswersPerStep)
                {
                    limit++;
                    quickAnswers = 0;
                }
            }
        }
    }
}
