using System;
using System.Net.Http.Headers;

namespace Bitrix24.Client.Http
{
    /// <summary>How often and how long to wait between attempts; which failures are worth another attempt is
    /// <see cref="RetryClassifier"/>'s call.</summary>
    internal sealed class RetryRules
    {
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

        private readonly Random random = new Random();
        private readonly TimeSpan baseDelay;

        public RetryRules(int maxRetries, TimeSpan baseDelay)
        {
            MaxRetries = maxRetries;
            this.baseDelay = baseDelay;
        }

        public int MaxRetries { get; }

        /// <summary>Delay before retry number <paramref name="retry"/> (0 = first): the server's Retry-After
        /// when given (capped), else exponential from the base delay with ±25 % jitter, so that several
        /// clients that were throttled together do not come back together.</summary>
        public TimeSpan Delay(int retry, RetryConditionHeaderValue? retryAfter)
        {
            var fromServer = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
            if (fromServer is { } server && server > TimeSpan.Zero)
                return server < MaxRetryAfter ? server : MaxRetryAfter;

            double jitter;
            lock (random)
                jitter = 0.75 + random.NextDouble() * 0.5;
            var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(retry, 16)) * jitter;
            return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }
}
