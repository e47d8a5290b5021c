using System;

namespace Bitrix24.Client.Operations
{
    /// <summary>How an item sent by a stopped command ended, as far as the client knows.</summary>
    public enum B24ItemOutcome
    {
        /// <summary>The portal ran it (its answer came, or a read shows it ran); <see cref="B24InterruptedItem.Result"/> holds what would have been written.</summary>
        Done,

        /// <summary>The portal answered with an error (<see cref="B24InterruptedItem.Error"/>): it did not run.</summary>
        Failed,

        /// <summary>Sent, and no answer came before the stop: it may or may not have run (check it on the portal before sending it again).</summary>
        OutcomeUnknown,
    }

    /// <summary>
    /// One item a command had sent to the portal and not yet written when it was stopped (Ctrl+C) or ended by an
    /// error: PowerShell accepts no more output then, so the command keeps these on its connection
    /// (<see cref="B24Client.GetLastInterrupted"/>) instead of forgetting them.
    /// </summary>
    public sealed class B24InterruptedItem
    {
        public B24InterruptedItem(string command, object? target, string method, B24ItemOutcome outcome, object? result, Exception? error)
        {
            Command = command;
            Target = target;
            Method = method;
            Outcome = outcome;
            Result = result;
            Error = error;
        }

        /// <summary>The command that sent it (e.g. Stop-B24Workflow).</summary>
        public string Command { get; }

        /// <summary>The item as the command names it in its errors (a workflow id, a flow name, a CSV row…).</summary>
        public object? Target { get; }

        /// <summary>The REST method it was sent with.</summary>
        public string Method { get; }

        public B24ItemOutcome Outcome { get; }

        /// <summary>What the command would have written for it (null when it writes nothing, or it did not run).</summary>
        public object? Result { get; }

        /// <summary>The portal's error (Failed) or the OUTCOME_UNKNOWN error (OutcomeUnknown).</summary>
        public Exception? Error { get; }

        public override string ToString() => Outcome + ": " + Method + " " + Target;
    }
}
