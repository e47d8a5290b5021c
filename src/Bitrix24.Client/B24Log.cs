using System;
using System.Threading;

namespace Bitrix24.Client
{
    /// <summary>
    /// Diagnostic lines of the client (one per HTTP exchange, one per retry), already redacted. Besides the
    /// connection's <see cref="B24ClientOptions.Log"/>, a caller can capture the lines of its own calls:
    /// <c>using (B24Log.Capture(line => queue.Enqueue(line))) { await client.CallAsync(…); }</c>. The
    /// capture flows with the async calls started inside the scope (AsyncLocal), so a cmdlet sees only its
    /// own lines even when several run at once, and can write them out from its pipeline thread.
    /// </summary>
    public static class B24Log
    {
        private static readonly AsyncLocal<Action<string>?> Current = new AsyncLocal<Action<string>?>();

        /// <summary>Sends this flow's lines to <paramref name="sink"/> (as well as to any outer capture)
        /// until the returned scope is disposed. The sink may be called from any thread.</summary>
        public static IDisposable Capture(Action<string> sink)
        {
            if (sink is null)
                throw new ArgumentNullException(nameof(sink));
            var outer = Current.Value;
            Current.Value = outer is null ? sink : line => { outer(line); sink(line); };
            return new Scope(outer);
        }

        internal static void Write(Action<string>? connectionLog, string line)
        {
            Deliver(connectionLog, line);
            Deliver(Current.Value, line);
        }

        // A broken diagnostics sink must never fail the call it is describing.
        private static void Deliver(Action<string>? sink, string line)
        {
            if (sink is null)
                return;
            try
            {
                sink(line);
            }
            catch (Exception)
            {
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly Action<string>? outer;
            private int disposed;

            public Scope(Action<string>? outer) => this.outer = outer;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                    Current.Value = outer;
            }
        }
    }
}
