using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of list cmdlets (declare SupportsPaging): one loop that writes every row as its page arrives,
    /// honours -Skip/-First/-IncludeTotalCount across all the queries a cmdlet makes, stops requesting pages
    /// once -First is satisfied, and reports progress once the portal's total is known.
    /// Not generic on purpose: PowerShell reads the base types of every public type when it imports the module,
    /// before the loader (Infrastructure/Loading) can tell it where Bitrix24.Client is, so no public type of
    /// this assembly may name a client type in its base class.
    /// </summary>
    public abstract class B24ListCmdlet : B24Cmdlet
    {
        private ulong _skipped;
        private ulong _written;
        private bool _totalCountWritten;

        private ulong First => PagingParameters?.First ?? ulong.MaxValue;
        private ulong Skip => PagingParameters?.Skip ?? 0;
        private bool FirstSatisfied => _written >= First;
        private bool TotalCountPending => PagingParameters?.IncludeTotalCount == true && !_totalCountWritten;

        /// <summary>Streams one query's pages to the pipeline. A failure is written as a non-terminating error
        /// with <paramref name="target"/> and ends this query only.</summary>
        protected void WritePages<T>(B24ListOperation<T> operation, object? target)
            => WritePages(token => Client.ListAsync(operation, RowsWanted, token), target, operation.Method);

        /// <summary>Rows this cmdlet may still write (-Skip plus -First), so the client asks for no page beyond
        /// them; null without -First. -IncludeTotalCount alone still needs the first page.</summary>
        private int? RowsWanted => PagingParameters?.First is ulong first && first < int.MaxValue
            ? (int)Math.Min(int.MaxValue, Math.Max(1, first - _written + Skip - Math.Min(Skip, _skipped)))
            : (int?)null;

        /// <summary>Streams any source of pages (a raw listing) as <see cref="WritePages{T}(B24ListOperation{T}, object?)"/> does.</summary>
        protected void WritePages<T>(Func<CancellationToken, IAsyncEnumerable<B24Page<T>>> pages, object? target, string? method = null)
            => WritePagesToEnd(pages, target, method, null);

        /// <summary>
        /// A lookup by id(s) as a listing: streams the rows as <see cref="WritePages{T}(B24ListOperation{T}, object?)"/>
        /// does, then writes an ObjectNotFound error ("{noun}NotFound", as Get-Item does for a missing path) for
        /// each id no row carried (<paramref name="idOf"/>) — when the listing ran to its end without a failure.
        /// </summary>
        protected void WriteLookup<T>(B24ListOperation<T> operation, string noun, IReadOnlyCollection<object> ids, Func<T, object?> idOf)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var target = ids.Count == 1 ? ids.First() : ids;
            if (!WritePagesToEnd(token => Client.ListAsync(operation, token), target, operation.Method, row => seen.Add(Convert.ToString(idOf(row), CultureInfo.InvariantCulture) ?? "")))
                return;
            foreach (var id in ids.Where(id => !seen.Contains(Convert.ToString(id, CultureInfo.InvariantCulture) ?? "")))
                WriteError(ErrorRecords.NotFound(noun, id));
        }

        /// <summary>The one paging loop; true when the listing was read to its end (no failure, no -First cut).</summary>
        private bool WritePagesToEnd<T>(Func<CancellationToken, IAsyncEnumerable<B24Page<T>>> pages, object? target, string? method, Action<T>? onRow)
        {
            // -First 0 -IncludeTotalCount is the usual way to ask for the count alone: one request still goes out.
            if (FirstSatisfied && !TotalCountPending)
                return false;

            long received = 0;
            int? total = null;
            var toTheEnd = true;
            // Rows this query has to read at most: what is left to skip and to write, when -Skip/-First are given.
            // Read once: PagingParameters costs a lookup in the engine each time, and they hold for the whole command.
            var (skip, first) = (Skip, First);
            var wanted = First == ulong.MaxValue ? long.MaxValue : (long)Math.Min((ulong)long.MaxValue / 2, First - _written + (Skip - _skipped));
            try
            {
                foreach (var page in AwaitEach(pages))
                {
                    if (total is null && page.Total is int known)
                    {
                        total = known;
                        WriteTotalCount(known);
                    }
                    if (FirstSatisfied)
                    {
                        toTheEnd = false;
                        break;
                    }
                    received += page.Items.Count;
                    WriteRows(page.Items, onRow, skip, first);
                    if (total is int all)
                        WriteProgressOf(method, received, Math.Min(all, wanted));
                    if (FirstSatisfied)
                    {
                        toTheEnd = false;
                        break; // leaving the loop disposes the listing: no further request
                    }
                }
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, target);
                toTheEnd = false;
            }
            CompleteProgress();
            return toTheEnd;
        }

        /// <summary>One page's rows to the pipeline, past what -Skip leaves out and up to -First.</summary>
        [MethodImpl(Optimized)]
        private void WriteRows<T>(IReadOnlyList<T> items, Action<T>? onRow, ulong skip, ulong first)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                onRow?.Invoke(item);
                if (_skipped < skip)
                {
                    _skipped++;
                    continue;
                }
                WriteObject(ToOutput(item));
                if (++_written >= first)
                    break;
            }
        }

        // MethodImplOptions.AggressiveOptimization, by value as in Bitrix24.Client's HotPath: the per-row loop is
        // compiled fully optimized at once instead of warming up through quick and instrumented code.
        private const MethodImplOptions Optimized = (MethodImplOptions)512;

        protected override void EndProcessing()
        {
            // -IncludeTotalCount promises a count object even when nothing could be counted.
            if (PagingParameters?.IncludeTotalCount == true && !_totalCountWritten)
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
        }

        private void WriteTotalCount(int total)
        {
            if (PagingParameters?.IncludeTotalCount != true || _totalCountWritten)
                return;
            _totalCountWritten = true;
            WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, total), 1.0));
        }

        /// <summary>"150 of 1000" rows read; none for an empty list (no "0 of 0"), and -First caps the end.</summary>
        private void WriteProgressOf(string? method, long received, long expected)
        {
            if (expected <= 0)
                return;
            var done = Math.Min(received, expected);
            ReportProgress(method ?? Methods?.Methods.FirstOrDefault(), done + " of " + expected, (int)(done * 100 / expected));
        }
    }
}
