using System;
using System.Text.Json;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client
{
    /// <summary>
    /// The outcome of one call, sent alone or as a batch sub-call: the <c>result</c> plus the list and timing
    /// fields around it. A direct call that fails throws instead, so its response always succeeded; a batch
    /// reports each sub-call's failure here (<see cref="Error"/>), because one failed item must not hide the
    /// others' outcomes.
    /// </summary>
    public sealed class B24Response
    {
        public B24Response(string method, JsonElement result, int? total, int? next, B24Time? time)
            : this(null, method, result, null, total, next, time) { }

        internal B24Response(string? key, string method, JsonElement result, B24Exception? error, int? total, int? next, B24Time? time)
        {
            Key = key;
            Method = method;
            Result = result;
            Error = error;
            Total = total;
            Next = next;
            Time = time;
        }

        /// <summary>The sub-call's key in its batch; null for a direct call.</summary>
        public string? Key { get; }

        public string Method { get; }

        /// <summary>True unless <see cref="Error"/> is set.</summary>
        public bool Succeeded => Error is null;

        /// <summary>The <c>result</c> element (detached from any pooled buffer, safe to keep); default when failed.</summary>
        public JsonElement Result { get; }

        /// <summary>A batch sub-call's own error (code, description, method); null on success. A sub-call skipped
        /// because an earlier one failed under halt has the error <c>BATCH_HALTED</c>.</summary>
        public B24Exception? Error { get; }

        /// <summary><c>total</c> of a list method (absent with start=-1).</summary>
        public int? Total { get; }

        /// <summary><c>next</c>: the start value of the following page, absent on the last page.</summary>
        public int? Next { get; }

        public B24Time? Time { get; }
    }

    /// <summary>The <c>time</c> object of a response, including the per-method operating budget.</summary>
    public sealed class B24Time
    {
        public double Start { get; init; }
        public double Finish { get; init; }
        public double Duration { get; init; }
        public double Processing { get; init; }

        /// <summary>Seconds of execution time this method has accumulated in the 10-minute window.</summary>
        public double? Operating { get; init; }

        /// <summary>When the oldest one-minute basket leaves the operating window.</summary>
        public DateTimeOffset? OperatingResetAt { get; init; }
    }
}
