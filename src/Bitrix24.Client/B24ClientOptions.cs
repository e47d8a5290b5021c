using System;

namespace Bitrix24.Client
{
    /// <summary>Limits and policies of one connection. Defaults match a non-Enterprise cloud portal.</summary>
    public sealed class B24ClientOptions
    {
        /// <summary>Leaky-bucket drain rate of the portal, requests per second (2 on most plans, 5 on Enterprise).</summary>
        public double RequestsPerSecond { get; set; } = 2;

        /// <summary>Leaky-bucket capacity of the portal (50 on most plans, 250 on Enterprise).</summary>
        public int Burst { get; set; } = 50;

        /// <summary>How many times a 503 QUERY_LIMIT_EXCEEDED is retried before it surfaces.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>The portal's execution-time budget per method in its 10-minute window (480 s on the cloud).
        /// Methods close to it are held back until the window frees up instead of being refused.</summary>
        public TimeSpan OperatingLimit { get; set; } = TimeSpan.FromSeconds(480);

        /// <summary>How long one call, listing or bulk run may wait in all for methods' operating budgets (after
        /// a 429 OPERATION_TIME_LIMIT, or to avoid one) before the refusal surfaces, with the time it frees up.</summary>
        public TimeSpan MaxOperatingWait { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Per-request timeout; the portal itself stops a request at 60 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Sink for diagnostic lines. Every line is already redacted (no webhook code, no token).</summary>
        public Action<string>? Log { get; set; }

        /// <summary>User-Agent sent with every request; the version is the module's (one source: Bitrix24.psd1).</summary>
        public string UserAgent { get; set; } = DefaultUserAgent;

        internal static readonly string DefaultUserAgent =
            "Bitrix24.PowerShell/" + typeof(B24ClientOptions).Assembly.GetName().Version!.ToString(3);

        /// <summary>First retry back-off (doubling after that); tests shorten it.</summary>
        internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>"2 req/s, burst 50, 5 retries, timeout 00:01:40": what a shell shows for the connection's options.</summary>
        public override string ToString()
            => FormattableString.Invariant($"{RequestsPerSecond} req/s, burst {Burst}, {MaxRetries} retries, timeout {Timeout}");

        internal B24ClientOptions Clone() => (B24ClientOptions)MemberwiseClone();

        /// <summary>Throws ArgumentOutOfRangeException naming the first setting that cannot work.</summary>
        internal void Validate()
        {
            if (!(RequestsPerSecond > 0) || double.IsInfinity(RequestsPerSecond))
                throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), RequestsPerSecond, "RequestsPerSecond must be a positive number.");
            if (Burst < 1)
                throw new ArgumentOutOfRangeException(nameof(Burst), Burst, "Burst must be at least 1.");
            if (MaxRetries < 0)
                throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
            if (OperatingLimit <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(OperatingLimit), OperatingLimit, "OperatingLimit must be positive.");
            if (MaxOperatingWait < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(MaxOperatingWait), MaxOperatingWait, "MaxOperatingWait cannot be negative.");
            if (string.IsNullOrWhiteSpace(UserAgent))
                throw new ArgumentOutOfRangeException(nameof(UserAgent), UserAgent, "UserAgent cannot be empty.");
        }
    }
}
