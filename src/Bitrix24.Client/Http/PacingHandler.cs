using System;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Bitrix24.Client.Http
{
    /// <summary>Waits for a token of the portal's bucket before every HTTP request (a batch is one
    /// request). The bucket is not this handler's: the factory rebuilds the chain when it rotates the primary
    /// handler, and every client of the same portal shares it (<see cref="SharedPacer"/>).</summary>
    internal sealed class PacingHandler : DelegatingHandler
    {
        private readonly RateLimiter limiter;
        private readonly ParallelismControl? parallelism;

        public PacingHandler(RateLimiter limiter, ParallelismControl? parallelism = null)
        {
            this.limiter = limiter;
            this.parallelism = parallelism;
        }

        /// <summary>
        /// A token bucket shaped like the portal's leaky bucket: it drains RequestsPerSecond and blocks past
        /// Burst. It starts full because a well-rested portal bucket is empty, and uses all of it but one token:
        /// the portal counts requests when they arrive, we count them when they leave, and two requests sent
        /// one drain period apart can arrive closer than that (network jitter), which a bucket filled to the
        /// last token would answer with a 503. Requests we cannot see (another script on the same IP) are what
        /// the 503 retry and <see cref="Drain"/> are for; a larger margin would only slow every run. Our refill
        /// is discrete (whole tokens per period) and so never runs ahead of the portal's continuous drain.
        /// Waiters queue in order and are never rejected.
        /// </summary>
        public static TokenBucketRateLimiter CreateLimiter(double requestsPerSecond, int burst)
        {
            // Refill one token per 1/rate s; at high rates refill in groups so the timer does not tick
            // every millisecond.
            var period = TimeSpan.FromSeconds(Math.Max(1 / requestsPerSecond, 0.05));
            var tokensPerPeriod = Math.Max(1, (int)Math.Round(requestsPerSecond * period.TotalSeconds));
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst - 1),
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        /// <summary>The portal's bucket is fuller than ours thinks (another client on the IP, a drifting clock):
        /// give up the tokens we still hold, so that callers running in parallel wait for the refill instead of
        /// drawing more 503s and using up their retries.</summary>
        private void Drain()
        {
            var available = limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
            if (available > 0)
                limiter.AttemptAcquire((int)Math.Min(available, int.MaxValue)).Dispose();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                // The queue is unbounded, so only a disposed bucket refuses: the client was disposed meanwhile.
                if (!lease.IsAcquired)
                    throw new ObjectDisposedException(nameof(B24Client));
            }
            var sent = System.Diagnostics.Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode == 503)
            {
                Drain();
                parallelism?.Throttled();
            }
            else
            {
                parallelism?.Answered(sent.Elapsed);
            }
            return response;
        }
    }
}
