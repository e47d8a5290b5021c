using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of bulk writers: ProcessRecord validates an item, asks ShouldProcess for it, and queues its
    /// sub-call here; every 50 items (the portal's batch limit) and at the end the queue goes out as one
    /// <c>batch</c> request. Results and per-item errors are written in input order; a failed item never
    /// stops the others; an item rejected before sending (bad id, bad document) keeps its place in that order.
    /// -WhatIf queues nothing, so nothing is sent.
    /// </summary>
    public abstract class B24BatchCmdlet : B24Cmdlet
    {
        /// <summary>Sub-calls per <c>batch</c> request (the portal refuses more).</summary>
        protected const int BatchSize = 50;

        /// <summary>One input item: a sub-call to send, or an error found before sending (written in its place).</summary>
        private sealed class Pending
        {
            public Pending(B24BatchCommand? command, object? target, Func<B24BatchItemResult, object?>? output, ErrorRecord? rejected)
            {
                Command = command;
                Target = target;
                Output = output;
                Rejected = rejected;
            }

            public B24BatchCommand? Command { get; }
            public object? Target { get; }
            public Func<B24BatchItemResult, object?>? Output { get; }
            public ErrorRecord? Rejected { get; }
        }

        private readonly List<Pending> _queue = new List<Pending>();
        private int _commands;
        private long _sequence;

        /// <summary>Queues one sub-call. <paramref name="build"/> receives the key to give the command (an
        /// ArgumentException from it rejects this item only); <paramref name="output"/> maps its success to
        /// what is written (null writes nothing); a failure is written as an error whose target is
        /// <paramref name="target"/>.</summary>
        protected void Enqueue(Func<string, B24BatchCommand> build, object? target, Func<B24BatchItemResult, object?> output)
        {
            B24BatchCommand command;
            try
            {
                command = build("c" + (_sequence++).ToString(CultureInfo.InvariantCulture));
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, target, ex));
                return;
            }
            _queue.Add(new Pending(command, target, output, null));
            if (++_commands >= BatchSize)
                Flush();
        }

        /// <summary>Reports an item rejected before sending, in its place among the others' outcomes.</summary>
        protected void Reject(ErrorRecord error) => _queue.Add(new Pending(null, error.TargetObject, null, error));

        protected override void EndProcessing() => Flush();

        /// <summary>The error written for an item the portal refused; bulk writers may name the item in it (its row).</summary>
        protected virtual ErrorRecord ItemError(B24Exception error, object? target) => ErrorRecords.From(error, target);

        private void Flush()
        {
            if (_queue.Count == 0)
                return;
            var pending = _queue.ToList();
            _queue.Clear();
            _commands = 0;

            // A failed request comes back as each item's error, like a sub-call's own.
            var commands = pending.Where(p => p.Command is not null).Select(p => p.Command!).ToList();
            var byKey = new Dictionary<string, B24BatchItemResult>(StringComparer.Ordinal);
            B24Exception? refused = null;
            try
            {
                if (commands.Count > 0)
                {
                    foreach (var item in Await(token => Client.BatchAsync(commands, halt: false, token)).Items)
                        byKey[item.Key] = item;
                }
            }
            catch (B24Exception ex)
            {
                refused = ex; // nothing was sent (a closed connection…): every item reports it
            }

            foreach (var item in pending)
            {
                if (item.Rejected is { } rejected)
                {
                    WriteError(rejected);
                }
                else if (refused is not null)
                {
                    WriteError(ItemError(refused, item.Target));
                }
                else if (!byKey.TryGetValue(item.Command!.Key, out var result))
                {
                    WriteB24Error(new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                        "The batch response has no outcome for this item.", method: item.Command.Method), item.Target);
                }
                else if (result.Error is { } error)
                {
                    WriteError(ItemError(error, item.Target));
                }
                else if (item.Output!(result) is { } output)
                {
                    WriteObject(output);
                }
            }
        }
    }
}
