using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of bulk writers: ProcessRecord asks <see cref="Submit{T}"/> to ShouldProcess an item and queue its
    /// operation; every 50 items (the portal's batch limit) and at the end the queue goes out as one
    /// <c>batch</c> request. The pipeline does not wait for each batch: up to <see cref="B24Client.GetParallelRequests()"/>
    /// are in flight while the next items arrive (each still waits for its pacing token, so this uses the
    /// portal's burst instead of one round trip after another). Results and per-item errors are written in
    /// input order; a failed item never stops the others; an item rejected before sending (bad id, bad
    /// document) keeps its place in that order. An operation the portal refuses inside a batch is sent alone,
    /// in its place. -WhatIf queues nothing, so nothing is sent.
    /// </summary>
    public abstract partial class B24BatchCmdlet : B24Cmdlet
    {
        /// <summary>Sub-calls per <c>batch</c> request (the portal refuses more).</summary>
        protected const int BatchSize = 50;

        /// <summary>One input item: an operation to send, or an error found before sending (written in its place).</summary>
        private sealed class Pending
        {
            public Pending(B24Operation? operation, string? key, object? target, Func<B24Response, object?>? output, ErrorRecord? rejected,
                OutcomeCheck? check = null)
            {
                Operation = operation;
                Key = key;
                Target = target;
                Output = output;
                Rejected = rejected;
                Check = check;
            }

            public B24Operation? Operation { get; }
            public string? Key { get; }
            public object? Target { get; }
            public Func<B24Response, object?>? Output { get; }
            public ErrorRecord? Rejected { get; }
            /// <summary>How to tell whether the write ran when its answer is lost (null: it cannot be told).</summary>
            public OutcomeCheck? Check { get; }
            /// <summary>Its outcome has been written (what a stop leaves unwritten is kept on the connection).</summary>
            public bool Written { get; set; }
        }

        /// <summary>One batch request sent and not yet written: its items and the request.</summary>
        private sealed class InFlight
        {
            public InFlight(List<Pending> items, Work<B24BatchResponse>? request)
            {
                Items = items;
                Request = request;
            }

            public List<Pending> Items { get; }
            public Work<B24BatchResponse>? Request { get; }
        }

        private readonly List<Pending> _queue = new List<Pending>();
        private readonly Queue<InFlight> _inFlight = new Queue<InFlight>();
        private int _commands;
        private long _sequence;
        private long _done;

        /// <summary>
        /// One input item: asks ShouldProcess(<paramref name="target"/>, <paramref name="action"/>) (-Force skips
        /// the prompt; null <paramref name="action"/> for a read, which needs no confirmation), builds the
        /// operation (an ArgumentException from <paramref name="operation"/> rejects this item only), queues it,
        /// and writes <paramref name="output"/>(result) when it succeeds (null writes nothing). A failure is
        /// written as an error whose target is <paramref name="target"/>.
        /// </summary>
        protected void Submit<T>(string target, string? action, Func<B24Operation<T>> operation, Func<T, object?> output)
            => Submit(target, target, action, operation, output);

        /// <summary>As <see cref="Submit{T}(string, string?, Func{B24Operation{T}}, Func{T, object?})"/>, where the
        /// error's target (<paramref name="target"/>, e.g. the id as a number) differs from what ShouldProcess
        /// shows (<paramref name="shown"/>, e.g. "flow 7").</summary>
        protected void Submit<T>(object target, string shown, string? action, Func<B24Operation<T>> operation, Func<T, object?> output)
        {
            if (action is not null && !ShouldProcessItem(shown, action))
                return;
            B24Operation<T> built;
            try
            {
                built = operation();
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, target, ex));
                return;
            }
            Enqueue(built, target, output);
        }

        /// <summary>Queues an operation already built and confirmed (see <see cref="Submit{T}"/>).</summary>
        protected void Enqueue<T>(B24Operation<T> operation, object? target, Func<T, object?> output)
        {
            if (!operation.Batchable)
            {
                // Keep input order: what is queued and in flight goes first, then this one alone.
                Flush();
                WriteCompleted(0);
                SendAlone(operation, target, output);
                return;
            }
            var key = "c" + (_sequence++).ToString(CultureInfo.InvariantCulture);
            _queue.Add(new Pending(operation, key, target, response => output(operation.ReadResult(response)), null, OutcomeCheck.Of(operation, output)));
            if (++_commands >= BatchSize)
                Flush();
        }

        /// <summary>Reports an item rejected before sending, in its place among the others' outcomes: at once when
        /// nothing is ahead of it (or, under -ErrorAction Stop, after what is ahead), so that Stop ends the
        /// pipeline before any later item is sent.</summary>
        protected void Reject(ErrorRecord error)
        {
            if (_queue.Count > 0 || _inFlight.Count > 0)
            {
                if (!StopsOnError)
                {
                    _queue.Add(new Pending(null, null, error.TargetObject, null, error));
                    return;
                }
                Flush();
                WriteCompleted(0);
            }
            WriteError(error);
        }

        private bool StopsOnError
            => (MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference"))
                is ActionPreference preference && preference == ActionPreference.Stop;

        protected override void EndProcessing()
        {
            Flush();
            WriteCompleted(0);
            CompleteProgress();
        }

        /// <summary>The error written for an item the portal refused; bulk writers may name the item in it (its row).</summary>
        protected virtual ErrorRecord ItemError(B24Exception error, object? target) => ErrorRecords.From(error, target);

        private void SendAlone<T>(B24Operation<T> operation, object? target, Func<T, object?> output)
        {
            try
            {
                if (output(Await(token => Client.CallAsync(operation, token))) is { } written)
                    WriteObject(written);
            }
            catch (B24Exception ex)
            {
                WriteError(ItemError(ex, target));
            }
        }

        /// <summary>Sends what is queued as one batch request without waiting for it, once fewer than the
        /// portal's parallel requests are in flight (the oldest are written first to make room).</summary>
        private void Flush()
        {
            if (_queue.Count == 0)
                return;
            var pending = _queue.ToList();
            _queue.Clear();
            _commands = 0;

            var commands = pending.Where(p => p.Operation is not null).Select(p => p.Operation!.ToBatchCommand(p.Key!)).ToList();
            WriteCompleted(Math.Max(1, Client.GetParallelRequests()) - 1);
            _inFlight.Enqueue(new InFlight(pending, commands.Count == 0 ? null
                : Start(token => Client.BatchAsync(commands, halt: false, token))));
        }

        /// <summary>Waits for the oldest requests in flight and writes their outcomes, in input order, until at
        /// most <paramref name="keep"/> are left.</summary>
        private void WriteCompleted(int keep)
        {
            // Dequeued once written: a stop while writing leaves the request's unwritten items for KeepInterrupted.
            while (_inFlight.Count > keep)
            {
                WriteOutcomes(_inFlight.Peek());
                _inFlight.Dequeue();
            }
        }

        private void WriteOutcomes(InFlight sent)
        {
            // A failed request comes back as each item's error, like a sub-call's own.
            var byKey = new Dictionary<string, B24Response>(StringComparer.Ordinal);
            B24Exception? refused = null;
            try
            {
                if (sent.Request is { } request)
                {
                    foreach (var item in Finish(request).Items)
                        byKey[item.Key!] = item;
                }
            }
            catch (B24Exception ex)
            {
                refused = ex; // nothing was sent (a closed connection…): every item reports it
            }
            // A request whose answer was lost fails each of its items with OUTCOME_UNKNOWN: read before deciding.
            var lost = refused is { Code: B24ErrorCodes.OutcomeUnknown } ? refused
                : byKey.Values.FirstOrDefault(r => r.Error?.Code == B24ErrorCodes.OutcomeUnknown)?.Error;
            if (lost is not null && sent.Items.Exists(i => i.Check is not null))
            {
                WriteReconciled(sent.Items, lost, byKey);
                ReportDone(sent.Items);
                return;
            }

            foreach (var item in sent.Items)
            {
                // Written once its write is made (an error that ends the pipeline under -ErrorAction Stop was
                // still written); a write PowerShell refuses because of a stop leaves it for KeepInterrupted.
                item.Written = !Stopping;
                if (item.Rejected is { } rejected)
                    WriteError(rejected);
                else if (refused is not null)
                    WriteError(ItemError(refused, item.Target));
                else if (!byKey.TryGetValue(item.Key!, out var result))
                    WriteB24Error(new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                        "The batch response has no outcome for this item.", method: item.Operation!.Method), item.Target);
                else
                    WriteOutcome(item, result);
            }
            ReportDone(sent.Items);
        }

        /// <summary>Once work runs past one batch request (more than 50 items), "150 done" after each request:
        /// the end of pipeline input is not known, so no percentage. Completed in EndProcessing.</summary>
        private void ReportDone(List<Pending> flushed)
        {
            _done += flushed.Count;
            if (_done < BatchSize)
                return;
            ReportProgress(flushed.FirstOrDefault(p => p.Operation is not null)?.Operation!.Method ?? Methods?.Methods.FirstOrDefault(),
                _done.ToString(CultureInfo.InvariantCulture) + " done", -1);
        }

        private void WriteOutcome(Pending item, B24Response result)
        {
            try
            {
                // ReadResult throws the sub-call's own error, or ERROR_UNEXPECTED_ANSWER for an unreadable result.
                if (item.Output!(result) is { } output)
                    WriteObject(output);
            }
            catch (B24Exception ex)
            {
                WriteError(ItemError(ex, item.Target));
            }
        }
    }
}
