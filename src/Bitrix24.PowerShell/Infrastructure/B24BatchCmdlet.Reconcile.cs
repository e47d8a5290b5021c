using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;

namespace Bitrix24.PowerShell.Infrastructure
{
    public abstract partial class B24BatchCmdlet
    {
        /// <summary>What an item's outcome check reads: its read operation, and what its answer means.</summary>
        private sealed class OutcomeCheck
        {
            private OutcomeCheck(B24Operation read, Func<B24Response, B24Outcome<object?>> judge)
            {
                Read = read;
                Judge = judge;
            }

            public B24Operation Read { get; }
            /// <summary>The outcome its answer tells, with the item's output when it ran (throws for an unreadable answer).</summary>
            public Func<B24Response, B24Outcome<object?>> Judge { get; }

            public static OutcomeCheck? Of<T>(B24Operation<T> operation, Func<T, object?> output)
                => operation.OutcomeCheck is { } check
                    ? new OutcomeCheck(check, response => check.ReadResult(response).Select(output))
                    : null;
        }

        /// <summary>
        /// A batch request whose answer was lost (a reset after sending, a timeout): the portal may have run any
        /// of its writes. Rather than report them all as OUTCOME_UNKNOWN, one batch of reads tells, item by item,
        /// whether each ran (then it is a success, with its result) or not (then it goes again, once, in one more
        /// batch); only what no read can tell stays OUTCOME_UNKNOWN. Outcomes are written in input order.
        /// </summary>
        private void WriteReconciled(List<Pending> items, B24Exception unknown, Dictionary<string, B24Response> answered)
        {
            // Items with an answer of their own (a sub-call's result or error) are written as they are.
            bool Lost(Pending item) => !answered.TryGetValue(item.Key!, out var answer) || answer.Error?.Code == B24ErrorCodes.OutcomeUnknown;
            var checkable = items.Where(i => i.Check is not null && i.Operation is not null && Lost(i)).ToList();
            Dictionary<string, B24Outcome<object?>> verdicts;
            try
            {
                verdicts = Judge(checkable, Await(token => ReadChecks(checkable, token)));
            }
            catch (B24Exception)
            {
                verdicts = new Dictionary<string, B24Outcome<object?>>(); // unread: every outcome stays unknown
            }

            var again = checkable.Where(i => verdicts.TryGetValue(i.Key!, out var v) && v.Known && !v.Ran).ToList();
            var resent = new Dictionary<string, B24Response>(StringComparer.Ordinal);
            B24Exception? resendFailed = null;
            if (again.Count > 0)
            {
                WriteVerbose(again.Count.ToString(CultureInfo.InvariantCulture) + " of " + items.Count
                    + " items whose answer was lost did not run (a read shows it): sending them again once.");
                try
                {
                    var commands = again.Select(i => i.Operation!.ToBatchCommand(i.Key!)).ToList();
                    foreach (var answer in Await(token => Client.BatchAsync(commands, halt: false, token)).Items)
                        resent[answer.Key!] = answer;
                }
                catch (B24Exception ex)
                {
                    resendFailed = ex;
                }
            }

            foreach (var item in items)
            {
                item.Written = !Stopping; // as in WriteOutcomes
                if (item.Rejected is { } rejected)
                    WriteError(rejected);
                else if (item.Key is { } key && verdicts.TryGetValue(key, out var verdict) && verdict.Ran)
                {
                    if (verdict.Error is { } ranUnread)
                        WriteError(ItemError(ranUnread, item.Target));
                    else if (verdict.Result is { } output)
                        WriteObject(output);
                }
                else if (item.Key is { } k && resent.TryGetValue(k, out var answer))
                    WriteOutcome(item, answer);
                else if (item.Key is { } own && !Lost(item))
                    WriteOutcome(item, answered[own]);
                else
                    WriteError(ItemError(resendFailed is not null && again.Contains(item) ? resendFailed : unknown, item.Target));
            }
        }

        /// <summary>One batch request of the items' outcome checks (items that have one).</summary>
        private Task<B24BatchResponse> ReadChecks(List<Pending> checkable, CancellationToken token)
            => Client.BatchAsync(checkable.Select(i => i.Check!.Read.ToBatchCommand(i.Key!)).ToList(), halt: false, token);

        /// <summary>What the checks' answers tell, by item key (an item whose read failed has no verdict). Run on the
        /// pipeline thread: a verdict that it ran carries the item's output, built as for any result.</summary>
        private static Dictionary<string, B24Outcome<object?>> Judge(List<Pending> checkable, B24BatchResponse answers)
        {
            var verdicts = new Dictionary<string, B24Outcome<object?>>(StringComparer.Ordinal);
            foreach (var answer in answers.Items)
            {
                try
                {
                    // A failed read throws here, unless the check reads its error as the verdict (a flow not found).
                    verdicts[answer.Key!] = checkable.First(i => i.Key == answer.Key).Check!.Judge(answer);
                }
                catch (B24Exception)
                {
                }
            }
            return verdicts;
        }
    }
}
