using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client;
using Bitrix24.Client.Errors;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// What every cmdlet of the module shares, connection or not: client work is awaited ON the pipeline
    /// thread (PowerShell allows Write* only there; the client uses ConfigureAwait(false) and a pipeline has
    /// no SynchronizationContext, so blocking cannot deadlock), Ctrl+C cancels the request in flight, the
    /// client's log lines of each call come out as verbose records, and client errors become ErrorRecords.
    /// </summary>
    public abstract class B24CmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled by StopProcessing (Ctrl+C, PowerShell.Stop()).</summary>
        protected CancellationToken CancellationToken => _stopping.Token;

        protected override void StopProcessing()
        {
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The pipeline already ended and disposed this cmdlet: nothing is left to stop.
            }
        }

        /// <summary>
        /// Starts client work and blocks until it ends, then writes what the client logged meanwhile. Client
        /// failures surface as <see cref="B24Exception"/> — the client's refusals of bad input and of a closed
        /// connection too, so cmdlets report them per item like any portal error; a stop request ends the wait
        /// at once (the request itself is cancelled through the token) with PipelineStoppedException.
        /// </summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> start) => Finish(Start(start));

        /// <summary>Client work started and not yet awaited, with the client's log lines of it (several may be
        /// in flight at once; <see cref="Finish{T}"/> them on the pipeline thread, in the order wanted).</summary>
        protected sealed class Work<T>
        {
            internal Work(Task<T> task, ConcurrentQueue<(bool Debug, string Line)> log)
            {
                Task = task;
                Log = log;
            }

            internal Task<T> Task { get; }
            internal ConcurrentQueue<(bool Debug, string Line)> Log { get; }
        }

        /// <summary>Starts client work without waiting for it (see <see cref="Await{T}"/> for how it fails).</summary>
        protected Work<T> Start<T>(Func<CancellationToken, Task<T>> start)
        {
            // Verbose lines (one per exchange) and, under -Debug, the redacted bodies, in the order they came.
            var log = new ConcurrentQueue<(bool Debug, string Line)>();
            Task<T> task;
            try
            {
                // The capture flows into the async work started here, so only this call's lines are seen.
                using (B24Log.Capture(line => log.Enqueue((false, line))))
                using (DebugWanted ? B24Log.CaptureBodies(line => log.Enqueue((true, line))) : null)
                    task = start(CancellationToken);
            }
            catch (Exception ex)
            {
                task = Task.FromException<T>(ex);
            }
            return new Work<T>(task, log);
        }

        /// <summary>Blocks until started work ends, writes what the client logged meanwhile, and returns its result.</summary>
        protected T Finish<T>(Work<T> work)
        {
            try
            {
                return WaitOn(work.Task);
            }
            catch (ObjectDisposedException ex)
            {
                throw new B24Exception(ErrorRecords.NotConnectedId,
                    "This connection was closed (Disconnect-B24). Run Connect-B24 again and use the new connection.", inner: ex);
            }
            catch (ArgumentException ex)
            {
                throw new B24Exception(B24ErrorCodes.InvalidArgument, ex.Message, inner: ex);
            }
            finally
            {
                if (!Stopping)
                    WriteLog(work.Log);
            }
        }

        protected void Await(Func<CancellationToken, Task> start)
            => Await<bool>(async token => { await start(token).ConfigureAwait(false); return true; });

        /// <summary>Streams an async sequence, each step awaited on the pipeline thread as in <see cref="Await{T}"/>.
        /// Leaving the loop early (e.g. -First satisfied) disposes the source, so no further page is requested.</summary>
        protected IEnumerable<T> AwaitEach<T>(Func<CancellationToken, IAsyncEnumerable<T>> source)
        {
            IAsyncEnumerator<T>? enumerator = null;
            try
            {
                enumerator = Await(token => Task.FromResult(source(token).GetAsyncEnumerator(token)));
                while (Await(_ => enumerator.MoveNextAsync().AsTask()))
                    yield return enumerator.Current;
            }
            finally
            {
                if (enumerator != null)
                    DisposeQuietly(enumerator);
            }
        }

        /// <summary>One user.get for the connection's own user: a wrong code fails here (B24Exception), not on the
        /// first real call. Connect-B24 and the connection from B24_WEBHOOK_URL both check with it.</summary>
        internal void VerifyConnection(B24Client client)
        {
            var parameters = new Dictionary<string, object?>
            {
                ["FILTER"] = new Dictionary<string, object?> { ["ID"] = client.UserId },
            };
            Await(token => client.CallAsync("user.get", parameters, token));
        }

        /// <summary>Writes a client failure as a non-terminating error (so -ErrorAction Stop makes it catchable).</summary>
        protected void WriteB24Error(B24Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

        /// <summary>
        /// Writes a non-terminating error, except OVERLOAD_LIMIT: Bitrix24 support has blocked REST for the portal,
        /// every further item would fail the same way (the connection no longer calls it), so the command stops
        /// at once with that one error instead of writing one per item.
        /// </summary>
        protected new void WriteError(ErrorRecord errorRecord)
        {
            if (errorRecord?.Exception is B24Exception { Code: B24ErrorCodes.OverloadLimit })
                ThrowTerminatingError(errorRecord);
            base.WriteError(errorRecord);
        }

        private T WaitOn<T>(Task<T> task)
        {
            try
            {
                task.Wait(CancellationToken);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // Do not wait for the cancelled request to unwind: Ctrl+C must return the prompt now.
                throw new PipelineStoppedException();
            }
            catch (AggregateException)
            {
                // Rethrown unwrapped just below.
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (CancellationToken.IsCancellationRequested
                && (ex is OperationCanceledException || ex is B24Exception))
            {
                throw new PipelineStoppedException();
            }
        }

        private void WriteLog(ConcurrentQueue<(bool Debug, string Line)> log)
        {
            while (log.TryDequeue(out var entry))
            {
                if (entry.Debug)
                    WriteDebug(entry.Line);
                else
                    WriteVerbose(entry.Line);
            }
        }

        /// <summary>
        /// A verbose line. Under -Debug without -Verbose, PowerShell 7 turns every verbose record of a compiled
        /// cmdlet into an Inquire prompt ("Continue with this operation?"), which stops a script at the first
        /// line and fails a non-interactive one; there the line goes to the debug stream instead, where -Debug
        /// shows it without asking.
        /// </summary>
        public new void WriteVerbose(string text)
        {
            if (DebugFlagOnly)
                base.WriteDebug(text);
            else
                base.WriteVerbose(text);
        }

        private bool DebugFlagOnly
            => MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true }
                && !MyInvocation.BoundParameters.ContainsKey("Verbose");

        /// <summary>-Debug given, or $DebugPreference asks for debug records: only then are bodies read and shown.</summary>
        private bool DebugWanted
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
                    return debug is SwitchParameter { IsPresent: true };
                return GetVariableValue("DebugPreference") is ActionPreference preference
                    && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
            }
        }

        private void DisposeQuietly<T>(IAsyncEnumerator<T> enumerator)
        {
            try
            {
                var disposing = enumerator.DisposeAsync().AsTask();
                // After a stop the enumerator may still be mid-request; never block the stop on it.
                if (!Stopping)
                    disposing.Wait(CancellationToken);
            }
            catch (Exception)
            {
                // Disposal only releases the request state; nothing to report to the user.
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing)
                return;
            // A pipeline ended by an error (-ErrorAction Stop) may leave requests in flight: end them too.
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
            _stopping.Dispose();
        }
    }
}
