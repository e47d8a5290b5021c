using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of bulk writers: ProcessRecord validates an item, asks ShouldProcess for it, and queues its
    /// sub-call here; every 50 items (the portal's batch limit) and at the end the queue goes out as one
    /// <c>batch</c> request. Results and per-item errors are written in input order; a failed item never
    /// stops the others. -WhatIf queues nothing, so nothing is sent.
    /// </summary>
    public abstract class B24BatchCmdlet : B24Cmdlet
    {
        /// <summary>Sub-calls per <c>batch</c> request (the portal refuses more).</summary>
        protected const int BatchSize = 50;

        private sealed class Pending
        {
            public Pending(B24BatchCommand command, object? target, Func<B24BatchItemResult, object?> output)
            {
                Command = command;
                Target = target;
                Output = output;
            }

            public B24BatchCommand Command { get; }
            public object? Target { get; }
            public Func<B24BatchItemResult, object?> Output { get; }
        }

        private readonly List<Pending> _queue = new List<Pending>();
        private long _sequence;

        /// <summary>Queues one sub-call. <paramref name="build"/> receives the key to give the command;
        /// <paramref name="output"/> maps its success to what is written (null writes nothing); a failure is
        /// written as an error whose target is <paramref name="target"/>.</summary>
        protected void Enqueue(Func<string, B24BatchCommand> build, object? target, Func<B24BatchItemResult, object?> output)
        {
            var key = "c" + (_sequence++).ToString(CultureInfo.InvariantCulture);
            _queue.Add(new Pending(build(key), target, output));
            if (_queue.Count >= BatchSize)
                Flush();
        }

        protected override void EndProcessing() => Flush();

        private void Flush()
        {
            if (_queue.Count == 0)
                return;
            var pending = _queue.ToList();
            _queue.Clear();

            // A failed request comes back as each item's error, like a sub-call's own.
            var response = Await(token => Client.BatchAsync(pending.Select(p => p.Command).ToList(), halt: false, token));

            var byKey = new Dictionary<string, B24BatchItemResult>(StringComparer.Ordinal);
            foreach (var item in response.Items)
                byKey[item.Key] = item;

            foreach (var item in pending)
            {
                if (!byKey.TryGetValue(item.Command.Key, out var result))
                {
                    WriteB24Error(new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                        "The batch response has no outcome for this item.", method: item.Command.Method), item.Target);
                }
                else if (result.Error is { } error)
                {
                    WriteB24Error(error, item.Target);
                }
                else if (item.Output(result) is { } output)
                {
                    WriteObject(output);
                }
            }
        }
    }
}
