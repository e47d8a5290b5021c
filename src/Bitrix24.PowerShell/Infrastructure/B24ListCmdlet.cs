using System;
using System.Collections.Generic;
using System.Management.Automation;
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
        private int? _progressId;

        private ulong First => PagingParameters?.First ?? ulong.MaxValue;
        private ulong Skip => PagingParameters?.Skip ?? 0;
        private bool FirstSatisfied => _written >= First;
        private bool TotalCountPending => PagingParameters?.IncludeTotalCount == true && !_totalCountWritten;

        /// <summary>Streams one query's pages to the pipeline. A failure is written as a non-terminating error
        /// with <paramref name="target"/> and ends this query only.</summary>
        protected void WritePages<T>(B24ListOperation<T> operation, object? target)
            => WritePages(token => Client.ListAsync(operation, RowsWanted, token), target);

        /// <summary>Rows this cmdlet may still write (-Skip plus -First), so the client asks for no page beyond
        /// them; null without -First. -IncludeTotalCount alone still needs the first page.</summary>
        private int? RowsWanted => PagingParameters?.First is ulong first && first < int.MaxValue
            ? (int)Math.Min(int.MaxValue, Math.Max(1, first - _written + Skip - Math.Min(Skip, _skipped)))
            : (int?)null;

        /// <summary>Streams any source of pages (a raw listing) as <see cref="WritePages{T}(B24ListOperation{T}, object?)"/> does.</summary>
        protected void WritePages<T>(Func<CancellationToken, IAsyncEnumerable<B24Page<T>>> pages, object? target)
        {
            // -First 0 -IncludeTotalCount is the usual way to ask for the count alone: one request still goes out.
            if (FirstSatisfied && !TotalCountPending)
                return;

            long received = 0;
            int? total = null;
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
                        break;
                    received += page.Items.Count;
                    foreach (var item in page.Items)
                    {
                        if (_skipped < Skip)
                        {
                            _skipped++;
                            continue;
                        }
                        WriteObject(ToOutput(item));
                        if (++_written >= First)
                            break;
                    }
                    if (total is int all)
                        WriteProgressOf(received, all);
                    if (FirstSatisfied)
                        break; // leaving the loop disposes the listing: no further request
                }
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, target);
            }
            CompleteProgress();
        }

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

        private void WriteProgressOf(long received, int total)
        {
            _progressId ??= ProgressActivityId;
            var activity = MyInvocation.MyCommand.Name;
            var record = new ProgressRecord(_progressId.Value, activity, received + " of " + total)
            {
                PercentComplete = total <= 0 ? 100 : (int)Math.Min(100, received * 100 / total),
            };
            WriteProgress(record);
        }

        private void CompleteProgress()
        {
            if (_progressId is not int id || Stopping)
                return;
            WriteProgress(new ProgressRecord(id, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            _progressId = null;
        }

        // One id per cmdlet name, so a Get-B24User nested in a Get-B24Workflow loop keeps its own bar.
        private int ProgressActivityId => 0x0B24 + (StringComparer.OrdinalIgnoreCase.GetHashCode(MyInvocation.MyCommand.Name) & 0xFFFF);
    }
}
