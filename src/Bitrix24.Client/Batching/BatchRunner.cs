using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Limits;
using Bitrix24.Client.Operations;

namespace Bitrix24.Client.Batching
{
    /// <summary>Sends commands through <c>batch</c>, 50 per HTTP request, one request after the other. A failed
    /// request (network, limits, auth) becomes the error of each of its commands and of every later one, which
    /// is then not sent: the outcomes of the requests that did run (writes already made) are never lost.
    /// Operating-time budgets are the sub-calls' own: a request waits while one of its methods has no room
    /// left, and sub-calls the portal refused for time (it ran none of them) go again once their methods free
    /// up, within the connection's MaxOperatingWait for the whole run; past it they fail with when to retry.</summary>
    internal static class BatchRunner
    {
        /// <summary>The portal's limit of sub-calls per batch.</summary>
        public const int MaxCommands = 50;

        public static async Task<B24BatchResponse> RunAsync(B24Client client, IReadOnlyList<B24BatchCommand> commands, bool halt, CancellationToken cancellationToken)
        {
            if (commands is null)
                throw new ArgumentNullException(nameof(commands));
            Validate(commands);
            if (!client.IsApplicationContext && HasApplicationOnly(commands))
                return await RefuseApplicationOnlyAsync(client, commands, halt, cancellationToken).ConfigureAwait(false);

            var items = new List<B24Response>(commands.Count);
            var deadline = new Deadline(client.Budget.MaxWait);
            var requests = 0;
            var halted = false;
            B24Exception? requestFailure = null;
            for (var start = 0; start < commands.Count; start += MaxCommands)
            {
                var chunk = Slice(commands, start, Math.Min(MaxCommands, commands.Count - start));
                if (requestFailure is not null || halted)
                {
                    // Under halt a failure ends the whole run, not just its own HTTP request.
                    foreach (var command in chunk)
                        items.Add(requestFailure is null ? BatchResultReader.Halted(command) : BatchResultReader.Failed(command, requestFailure));
                    continue;
                }

                List<B24Response> chunkItems;
                try
                {
                    chunkItems = await SendChunkAsync(client, chunk, halt, deadline, () => requests++, cancellationToken).ConfigureAwait(false);
                }
                catch (B24Exception e)
                {
                    requestFailure = e;
                    foreach (var command in chunk)
                        items.Add(BatchResultReader.Failed(command, e));
                    continue;
                }
                items.AddRange(chunkItems);
                halted = halt && chunkItems.Exists(i => !i.Succeeded);
            }
            return new B24BatchResponse(items, requests);
        }

        /// <summary>One chunk (at most 50), sent when its methods have budget, with its time-refused sub-calls
        /// sent again as described on the class. Under halt nothing is sent again: the sub-calls after a refused
        /// one did not run, and may refer to it; the caller (a pager) resumes from what it has.</summary>
        private static async Task<List<B24Response>> SendChunkAsync(B24Client client, List<B24BatchCommand> chunk, bool halt, Deadline deadline,
            Action sent, CancellationToken cancellationToken)
        {
            var budget = client.Budget;
            var items = await SendOnceAsync(client, chunk, halt, deadline, sent, cancellationToken).ConfigureAwait(false);
            if (halt)
                return items;
            while (true)
            {
                var refused = new List<int>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Error?.Code == B24ErrorCodes.OperationTimeLimit && !chunk[i].MayReferToOthers)
                        refused.Add(i);
                }
                if (refused.Count == 0)
                    return items;
                var latest = refused.Select(i => items[i].Error!).OrderByDescending(e => budget.ResetOf(e) ?? DateTimeOffset.MinValue).First();
                if (!await budget.WaitAfterRefusalAsync(latest, deadline, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var i in refused)
                        items[i] = BatchResultReader.Failed(chunk[i], budget.Unwaited(items[i].Error!));
                    return items;
                }
                var again = refused.Select(i => chunk[i]).ToList();
                var retried = await SendOnceAsync(client, again, halt, deadline, sent, cancellationToken).ConfigureAwait(false);
                for (var j = 0; j < refused.Count; j++)
                    items[refused[j]] = retried[j];
            }
        }

        /// <summary>One HTTP request: held back while a method of the chunk has no budget for its sub-calls, then
        /// sent, and every sub-call's reading taken.</summary>
        private static async Task<List<B24Response>> SendOnceAsync(B24Client client, List<B24BatchCommand> chunk, bool halt, Deadline deadline,
            Action sent, CancellationToken cancellationToken)
        {
            var budget = client.Budget;
            foreach (var group in chunk.GroupBy(c => c.Method, StringComparer.OrdinalIgnoreCase))
                await budget.WaitAsync(group.Key, budget.DelayBefore(group.Key, group.Count()), deadline, cancellationToken).ConfigureAwait(false);
            var response = await client.SendAsync("batch", Body(chunk, halt), KindOf(chunk), cancellationToken, deadline).ConfigureAwait(false);
            sent();
            var items = BatchResultReader.Read(chunk, response.Result, halt, client.Redact);
            foreach (var item in items)
            {
                budget.Observe(item.Method, item.Error?.Time ?? item.Time);
                if (item.Error is { Code: B24ErrorCodes.OverloadLimit } overload)
                    client.Block(overload);
            }
            return items;
        }

        /// <summary>The JSON body: {"halt":0,"cmd":{key: "method?query", …}} in command order.</summary>
        private static Dictionary<string, object?> Body(IReadOnlyList<B24BatchCommand> chunk, bool halt)
        {
            var cmd = new List<KeyValuePair<string, object?>>(chunk.Count);
            foreach (var command in chunk)
                cmd.Add(new KeyValuePair<string, object?>(command.Key, command.ToCommandString()));
            return new Dictionary<string, object?> { ["halt"] = halt ? 1 : 0, ["cmd"] = cmd };
        }

        private static bool HasApplicationOnly(IReadOnlyList<B24BatchCommand> commands)
        {
            foreach (var command in commands)
            {
                if (command.RequiresApplication)
                    return true;
            }
            return false;
        }

        /// <summary>On a webhook, application-only sub-calls fail in their place without being sent; the rest go.</summary>
        private static async Task<B24BatchResponse> RefuseApplicationOnlyAsync(B24Client client, IReadOnlyList<B24BatchCommand> commands, bool halt, CancellationToken cancellationToken)
        {
            var sendable = new List<B24BatchCommand>();
            foreach (var command in commands)
            {
                if (!command.RequiresApplication)
                    sendable.Add(command);
            }
            var sent = await RunAsync(client, sendable, halt, cancellationToken).ConfigureAwait(false);
            var byKey = new Dictionary<string, B24Response>(StringComparer.Ordinal);
            foreach (var item in sent.Items)
                byKey[item.Key!] = item;
            var items = new List<B24Response>(commands.Count);
            foreach (var command in commands)
            {
                if (byKey.TryGetValue(command.Key, out var item))
                {
                    items.Add(item);
                    continue;
                }
                try
                {
                    client.EnsureContext(true, command.Method);
                }
                catch (B24Exception e)
                {
                    items.Add(BatchResultReader.Failed(command, e));
                }
            }
            return new B24BatchResponse(items, sent.HttpRequests);
        }

        /// <summary>A batch is a read only when every sub-call is; one write makes it a write (its outcome
        /// matters), and one raw sub-call makes it raw.</summary>
        private static B24CallKind KindOf(IReadOnlyList<B24BatchCommand> chunk)
        {
            var kind = B24CallKind.Read;
            foreach (var command in chunk)
            {
                if (command.Kind == B24CallKind.Unspecified)
                    return B24CallKind.Unspecified;
                if (command.Kind == B24CallKind.Write)
                    kind = B24CallKind.Write;
            }
            return kind;
        }

        private static void Validate(IReadOnlyList<B24BatchCommand> commands)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var command in commands)
            {
                if (command is null)
                    throw new ArgumentException("The batch contains a null command.", nameof(commands));
                if (command.Key.Length == 0)
                    throw new ArgumentException("A batch command key cannot be empty.", nameof(commands));
                if (!keys.Add(command.Key))
                    throw new ArgumentException("The batch key '" + command.Key + "' is used twice; every command needs its own key.", nameof(commands));
            }
        }

        private static List<B24BatchCommand> Slice(IReadOnlyList<B24BatchCommand> commands, int start, int count)
        {
            var chunk = new List<B24BatchCommand>(count);
            for (var i = start; i < start + count; i++)
                chunk.Add(commands[i]);
            return chunk;
        }
    }
}
