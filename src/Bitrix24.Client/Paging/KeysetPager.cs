using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Limits;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Paging
{
    /// <summary>
    /// Keyset paging (shared/api-reference/settings__performance__huge-data.md): rows ordered by a unique key,
    /// each page filtered to keys after the last one seen. Pages are chained inside batches through
    /// <c>$result[p{i-1}][49][KEY]</c>, so one HTTP request carries up to 50 pages (2,500 rows), and rows that
    /// vanish while the listing runs cannot shift later pages, unlike offsets. The first page (start=0, so the
    /// portal counts the total) opens the first batch: a listing of N rows costs ceil(N/2500) requests. Later
    /// pages ask start=-1, so the portal skips counting.
    /// </summary>
    internal static class KeysetPager
    {
        /// <summary>Streams the listing. With a <c>rowLimit</c> (the caller stops after that many rows, -First)
        /// fewer pages are asked for, and one page goes as a plain call.</summary>
        public static async IAsyncEnumerable<B24Page<JsonElement>> ListAsync(B24Client client, KeysetListRequest request, int? rowLimit = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            var pageSize = request.PageSize;
            var common = CommonParameters(request);
            var callerFilter = ParameterSet.From(request.Filter, nameof(request.Filter));
            // After the first page our >KEY bound replaces the caller's lower bound (every key we pass is above it).
            var pagingFilter = callerFilter.Clone().RemoveWhere(name => IsLowerBound(name, request.KeyField));
            var first = common.Clone().Set(request.FilterParameter, callerFilter).Set(request.StartParameter, 0);

            int? remaining = null;
            string? lastKey = null;
            long delivered = 0;
            var deadline = new Deadline(client.Budget.MaxWait);
            var pages = rowLimit is int limit ? Math.Max(1, Math.Min(BatchRunner.MaxCommands, (limit + pageSize - 1) / pageSize)) : BatchRunner.MaxCommands;
            // The batch in flight. While the caller works through one batch's rows (from its second page on), the next
            // is already asked for (its first key is the last row of this one); a caller that stops early cancels it,
            // and nothing more goes out.
            var pending = new Prefetch(client, Commands(pages, null), deadline, cancellationToken);
            try
            {
                while (true)
                {
                    var items = await pending.Task.ConfigureAwait(false);
                    pending.Dispose();
                    pending = null;

                    // Read the whole batch first: its last key and whether the listing goes on are known before
                    // the rows are handed out, so the next batch can be on its way meanwhile.
                    var batch = new List<B24Page<JsonElement>>(items.Count);
                    B24Exception? failure = null, refused = null;
                    var ended = false;
                    for (var index = 0; index < items.Count; index++)
                    {
                        var item = items[index];
                        // Pages after the first short one are chained to rows that do not exist: ignored, errors too.
                        if (!item.Succeeded)
                        {
                            // A page refused for time ran nothing: once the method frees up, go on from the last key.
                            if (item.Error!.Code != B24ErrorCodes.OperationTimeLimit)
                                failure = item.Error;
                            else
                                refused = item.Error;
                            break;
                        }
                        var rows = ListItems.Of(item.Result);
                        var counted = lastKey is null ? item.Total : null;
                        batch.Add(new B24Page<JsonElement>(rows, counted));
                        delivered += rows.Count;
                        remaining = (counted ?? remaining) - rows.Count;
                        // A short page ends the listing; so does a full page that uses up the count when it is the
                        // first page or the last of its batch (10,000 rows: 4 requests, not a fifth to see the end).
                        // Within a batch, full pages past the count go on: the next page is there anyway, and rows
                        // added since the count was taken come with it.
                        if (rows.Count < pageSize || (remaining <= 0 && (counted is not null || index == items.Count - 1)))
                        {
                            ended = true;
                            break;
                        }
                        var key = KeyOf(rows[rows.Count - 1], request);
                        if (string.Equals(key, lastKey, StringComparison.Ordinal))
                        {
                            failure = new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                                "The list did not advance past " + request.KeyField + " " + key + ".", null, request.Method);
                            break;
                        }
                        lastKey = key;
                    }

                    // One page more than the total promises, so a listing whose total is a multiple of the page
                    // size still ends on a short page without another HTTP request. (Before the first page, after a
                    // refusal for time: the first batch again.)
                    pages = remaining is { } r ? Math.Max(1, Math.Min(BatchRunner.MaxCommands, r / pageSize + 1))
                        : lastKey is null ? pages : BatchRunner.MaxCommands;
                    if (rowLimit is int rest && delivered < rest)
                        pages = Math.Min(pages, (int)Math.Max(1, (rest - delivered + pageSize - 1) / pageSize));
                    // Asked for ahead only when it would be asked for anyway: no failure, no end, -First not reached;
                    // and only once the caller comes back for the second page, so that one which stops within the
                    // first (Get-B24Workflow | Select-Object -First 5) sends nothing more.
                    var ahead = !ended && failure is null && refused is null && !(rowLimit is int wanted && delivered >= wanted);
                    for (var index = 0; index < batch.Count; index++)
                    {
                        yield return batch[index];
                        if (ahead && pending is null)
                            pending = new Prefetch(client, Commands(pages, lastKey), deadline, cancellationToken);
                    }
                    if (ahead && pending is null)
                        pending = new Prefetch(client, Commands(pages, lastKey), deadline, cancellationToken);
                    if (failure is not null)
                        throw failure;
                    if (ended)
                        yield break;
                    if (refused is not null)
                    {
                        if (!await client.Budget.WaitAfterRefusalAsync(refused, deadline, cancellationToken).ConfigureAwait(false))
                            throw client.Budget.Unwaited(refused);
                        pending = new Prefetch(client, Commands(pages, lastKey), deadline, cancellationToken);
                    }
                    if (pending is null)
                        yield break;
                }
            }
            finally
            {
                if (pending is not null)
                    await pending.CancelAsync().ConfigureAwait(false);
            }

            List<B24BatchCommand> Commands(int count, string? after)
            {
                var commands = new List<B24BatchCommand>(count);
                for (var i = 0; i < count; i++)
                {
                    if (after is null && i == 0)
                    {
                        commands.Add(new B24BatchCommand(PageKey(0), request.Method, first) { Kind = B24CallKind.Read });
                        continue;
                    }
                    object bound = i == 0 ? after! : LastKeyReference(PageKey(i - 1), request);
                    var filter = pagingFilter.Clone().Set(">" + request.KeyField, bound);
                    commands.Add(new B24BatchCommand(PageKey(i), request.Method,
                        common.Clone().Set(request.FilterParameter, filter).Set(request.StartParameter, -1)) { Kind = B24CallKind.Read });
                }
                return commands;
            }
        }

        /// <summary>One batch sent ahead, with a cancellation of its own (linked to the caller's).</summary>
        private sealed class Prefetch : IDisposable
        {
            private readonly CancellationTokenSource cancel;

            public Prefetch(B24Client client, List<B24BatchCommand> commands, Deadline deadline, CancellationToken cancellationToken)
            {
                cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Task = SendAsync(client, commands, deadline, cancel.Token);
            }

            public Task<IReadOnlyList<B24Response>> Task { get; }

            /// <summary>The caller stopped: cancel the request if it is still out, and wait for it to finish
            /// (its failure, a cancellation included, is nobody's any more).</summary>
            public async Task CancelAsync()
            {
                cancel.Cancel();
                try
                {
                    await Task.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled, or failed after the caller stopped listening: ignored.
                }
                Dispose();
            }

            public void Dispose() => cancel.Dispose();
        }

        /// <summary>One page as a plain call (no batch around it), several as one batch under halt: a failed
        /// page makes every later one meaningless, so the portal need not run them. A plain call's failure is
        /// thrown as it is.</summary>
        private static async Task<IReadOnlyList<B24Response>> SendAsync(B24Client client, List<B24BatchCommand> commands, Deadline deadline,
            CancellationToken cancellationToken)
        {
            if (commands.Count == 1)
            {
                // A plain call waits out a refusal for time by itself (within the same deadline).
                var only = commands[0];
                return new[] { await client.SendAsync(only.Method, only.Parameters, B24CallKind.Read, cancellationToken, deadline).ConfigureAwait(false) };
            }
            return (await client.BatchAsync(commands, halt: true, cancellationToken).ConfigureAwait(false)).Items;
        }

        private static string PageKey(int index) => "p" + index;

        /// <summary><c>$result[p][49][ID]</c>, or <c>$result[p][tasks][49][id]</c> when the rows sit under a property.</summary>
        private static string LastKeyReference(string page, KeysetListRequest request)
        {
            var key = request.ResultKeyField ?? request.KeyField;
            return request.RowsProperty is { } rows
                ? B24BatchCommand.ResultReference(page, rows, request.PageSize - 1, key)
                : B24BatchCommand.ResultReference(page, request.PageSize - 1, key);
        }

        /// <summary>The caller's extra parameters, then SELECT (with the key) and ORDER by the key; the
        /// parameters the pager owns are dropped from Extra whatever their letter case.</summary>
        private static ParameterSet CommonParameters(KeysetListRequest request)
        {
            var common = ParameterSet.From(request.Extra, nameof(request.Extra))
                .Remove(request.OrderParameter).Remove(request.FilterParameter).Remove(request.StartParameter);
            if (request.SelectParameter is { } selectName)
            {
                common.Remove(selectName);
                if (request.Select is { } select)
                {
                    var fields = new List<string>(select);
                    if (!fields.Exists(f => string.Equals(f, request.KeyField, StringComparison.OrdinalIgnoreCase)))
                        fields.Add(request.KeyField);
                    common.Set(selectName, fields);
                }
            }
            return common.Set(request.OrderParameter, new ParameterSet().Set(request.KeyField, "ASC"));
        }

        /// <summary>True for a FILTER key that bounds the key field from below: &gt;ID, &gt;=ID (any case).</summary>
        private static bool IsLowerBound(string filterKey, string keyField)
        {
            var field = filterKey.StartsWith(">=", StringComparison.Ordinal) ? filterKey.Substring(2)
                : filterKey.StartsWith(">", StringComparison.Ordinal) ? filterKey.Substring(1) : null;
            return field is not null && string.Equals(field.Trim(), keyField, StringComparison.OrdinalIgnoreCase);
        }

        private static string KeyOf(JsonElement row, KeysetListRequest request)
        {
            if (JsonReading.TryGetProperty(row, request.KeyField, out var value) && JsonReading.ToText(value) is { Length: > 0 } key)
                return key;
            throw new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                "A row has no " + request.KeyField + "; keyset paging needs it in every row.", null, request.Method);
        }
    }
}
