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
        private static readonly AsyncLocal<Action<string>?> Bodies = new AsyncLocal<Action<string>?>();

        /// <summary>Sends this flow's lines to <paramref name="sink"/> (as well as to any outer capture)
        /// until the returned scope is disposed. The sink may be called from any thread.</summary>
        public static IDisposable Capture(Action<string> sink) => Push(Current, sink);

        /// <summary>
        /// Also sends this flow's request and response bodies (redacted: the connection's secrets and any
        /// <c>auth</c>, token, secret or password value masked; long bodies cut) to <paramref name="sink"/>,
        /// until the scope is disposed. Off unless asked for (PowerShell's -Debug): bodies may hold personal data.
        /// </summary>
        public static IDisposable CaptureBodies(Action<string> sink) => Push(Bodies, sink);

        // The sink joins any outer one of the same slot until the scope ends.
        private static IDisposable Push(AsyncLocal<Action<string>?> slot, Action<string> sink)
        {
            if (sink is null)
                throw new ArgumentNullException(nameof(sink));
            var outer = slot.Value;
            slot.Value = outer is null ? sink : line => { outer(line); sink(line); };
            return new Scope(slot, outer);
        }

        /// <summary>Whether a <see cref="CaptureBodies"/> scope is active on this flow.</summary>
        internal static bool BodiesWanted => Bodies.Value is not null;

        internal static void WriteBody(string line) => Deliver(Bodies.Value, line);

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
            private readonly AsyncLocal<Action<string>?> slot;
            private readonly Action<string>? outer;
            private int disposed;

            public Scope(AsyncLocal<Action<string>?> slot, Action<string>? outer)
            {
                this.slot = slot;
                this.outer = outer;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                    slot.Value = outer;
            }
        }
    }
}
