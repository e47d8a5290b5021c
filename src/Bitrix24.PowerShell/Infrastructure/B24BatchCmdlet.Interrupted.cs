using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation.Host;
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
        /// <summary>How long the reads that tell whether unanswered items ran may take after a stop: the prompt
        /// must come back at once, so what they cannot tell in this time stays OUTCOME_UNKNOWN.</summary>
        private static readonly TimeSpan StopCheckTime = TimeSpan.FromSeconds(1);

        /// <summary>
        /// After a stop (Ctrl+C), a pipeline ended early downstream (Select-Object -First) or by an error (-ErrorAction
        /// Stop), PowerShell takes no more output from this command, yet requests
        /// may have been sent whose items were never written. They are not forgotten: each is classified (answered:
        /// done or failed; unanswered: outcome unknown, unless its outcome check shows within
        /// <see cref="StopCheckTime"/> that it ran), kept on the connection (<see cref="B24Client.GetLastInterrupted"/>)
        /// and summed up in a warning on the host. Nothing is sent again and nothing runs on after this.
        /// </summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing && _inFlight.Count > 0)
            {
                StopProcessing(); // end every request still in flight before looking at what came back
                KeepInterrupted();
            }
            base.Dispose(disposing);
        }

        private void KeepInterrupted()
        {
            var unwritten = _inFlight.SelectMany(sent => sent.Items.Where(i => !i.Written && i.Operation is not null)
                .Select(item => Classify(item, sent.Request))).ToList();
            _inFlight.Clear();
            if (unwritten.Count == 0)
                return;

            var unknown = unwritten.Where(u => u.Outcome == B24ItemOutcome.OutcomeUnknown && u.Item.Check is not null).Select(u => u.Item).ToList();
            var verdicts = unknown.Count == 0 ? new Dictionary<string, B24Outcome<object?>>() : CheckQuickly(unknown);
            var command = MyInvocation.MyCommand.Name;
            var items = unwritten.Select(u => verdicts.TryGetValue(u.Item.Key!, out var v) && v.Ran
                    ? new B24InterruptedItem(command, u.Item.Target, u.Item.Operation!.Method, B24ItemOutcome.Done, v.Result, v.Error)
                    : new B24InterruptedItem(command, u.Item.Target, u.Item.Operation!.Method, u.Outcome, u.Result, u.Error))
                .ToList();
            Client.SetLastInterrupted(items);
            WarnOnHost(items);
        }

        /// <summary>An unwritten item by what its request brought back before the stop.</summary>
        private static (Pending Item, B24ItemOutcome Outcome, object? Result, Exception? Error) Classify(Pending item, Work<B24BatchResponse>? request)
        {
            var answer = request?.Task.Status == TaskStatus.RanToCompletion
                ? request.Task.Result.Items.FirstOrDefault(a => a.Key == item.Key) : null;
            if (answer is null || answer.Error?.Code == B24ErrorCodes.OutcomeUnknown)
                return (item, B24ItemOutcome.OutcomeUnknown, null, answer?.Error ?? Unanswered(item));
            try
            {
                return (item, B24ItemOutcome.Done, item.Output!(answer), null);
            }
            catch (B24Exception ex)
            {
                return (item, B24ItemOutcome.Failed, null, ex);
            }
        }

        private static B24Exception Unanswered(Pending item)
            => new B24Exception(B24ErrorCodes.OutcomeUnknown,
                "The command was stopped after this item was sent and before its answer came: it may or may not have run.",
                method: item.Operation!.Method);

        /// <summary>The outcome checks, given <see cref="StopCheckTime"/> on a token of their own (the command's is
        /// cancelled): one batch request per 50 items, all at once, and those not answered in time are cancelled.
        /// Only "it ran" is taken from them: a request cancelled in flight may still be running on the portal, so
        /// "not yet" proves nothing.</summary>
        private Dictionary<string, B24Outcome<object?>> CheckQuickly(List<Pending> unknown)
        {
            using var time = new CancellationTokenSource();
            var reads = unknown.Select((item, index) => (item, index)).GroupBy(x => x.index / BatchSize, x => x.item)
                .Select(chunk => chunk.ToList()).Select(chunk => (Items: chunk, Answers: ReadChecks(chunk, time.Token))).ToList();
            try
            {
                Task.WaitAll(reads.Select(r => (Task)r.Answers).ToArray(), StopCheckTime);
            }
            catch (AggregateException)
            {
                // A read that failed tells nothing; the others still count.
            }
            time.Cancel();
            var verdicts = new Dictionary<string, B24Outcome<object?>>(StringComparer.Ordinal);
            foreach (var (items, answers) in reads.Where(r => r.Answers.Status == TaskStatus.RanToCompletion))
            {
                foreach (var verdict in Judge(items, answers.Result))
                    verdicts[verdict.Key] = verdict.Value;
            }
            return verdicts;
        }

        /// <summary>One warning line straight to the host (the warning stream is closed after a stop); a host
        /// without a UI (a bare runspace) shows nothing, and the connection still has the list.</summary>
        private void WarnOnHost(List<B24InterruptedItem> items)
        {
            string Count(B24ItemOutcome outcome) => items.Count(i => i.Outcome == outcome).ToString(CultureInfo.InvariantCulture);
            var text = MyInvocation.MyCommand.Name + " stopped with " + items.Count.ToString(CultureInfo.InvariantCulture)
                + (items.Count == 1 ? " item" : " items") + " sent and not written: " + Count(B24ItemOutcome.Done) + " done, " + Count(B24ItemOutcome.Failed) + " failed, "
                + Count(B24ItemOutcome.OutcomeUnknown) + " outcome unknown (check those on the portal before sending them again). "
                + "(Get-B24Connection).GetLastInterrupted() lists them.";
            try
            {
                Host?.UI?.WriteWarningLine(text);
            }
            catch (Exception ex) when (ex is HostException || ex is NotImplementedException || ex is InvalidOperationException)
            {
                // No UI to show it on.
            }
        }
    }
}
