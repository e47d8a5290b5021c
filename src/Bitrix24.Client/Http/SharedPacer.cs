using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace Bitrix24.Client.Http
{
    /// <summary>
    /// The portal counts requests per portal and IP, not per connection: every client of this process that
    /// talks to the same portal with the same limits draws from one bucket, so two connections (two runspaces
    /// of ForEach-Object -Parallel, a -PassThru connection beside the current one) together stay within the
    /// limit instead of each taking all of it. Reference-counted: the last client to go disposes the bucket.
    /// </summary>
    internal sealed class SharedPacer : IDisposable
    {
        private static readonly Dictionary<string, (TokenBucketRateLimiter Limiter, ParallelismControl Parallelism, int Users)> Buckets =
            new Dictionary<string, (TokenBucketRateLimiter, ParallelismControl, int)>(StringComparer.Ordinal);

        private readonly string key;
        private bool disposed;

        private SharedPacer(string key, RateLimiter limiter, ParallelismControl parallelism)
        {
            this.key = key;
            Limiter = limiter;
            Parallelism = parallelism;
        }

        public RateLimiter Limiter { get; }

        /// <summary>How many requests to keep in flight against this portal.</summary>
        public ParallelismControl Parallelism { get; }

        public static SharedPacer Acquire(Uri portal, double requestsPerSecond, int burst)
        {
            var key = portal.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + "|"
                + requestsPerSecond.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "|" + burst;
            lock (Buckets)
            {
                var entry = Buckets.TryGetValue(key, out var existing)
                    ? (existing.Limiter, existing.Parallelism, existing.Users + 1)
                    : (PacingHandler.CreateLimiter(requestsPerSecond, burst), new ParallelismControl(), 1);
                Buckets[key] = entry;
                return new SharedPacer(key, entry.Item1, entry.Item2);
            }
        }

        public void Dispose()
        {
            lock (Buckets)
            {
                if (disposed)
                    return;
                disposed = true;
                var (limiter, parallelism, users) = Buckets[key];
                if (users > 1)
                {
                    Buckets[key] = (limiter, parallelism, users - 1);
                    return;
                }
                Buckets.Remove(key);
                limiter.Dispose();
            }
        }
    }
}
