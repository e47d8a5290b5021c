using System;
using System.Text.Json;

namespace Bitrix24.Client
{
    /// <summary>One successful call: the <c>result</c> plus the list and timing fields around it.</summary>
    public sealed class B24Response
    {
        public B24Response(string method, JsonElement result, int? total, int? next, B24Time? time)
        {
            Method = method;
            Result = result;
            Total = total;
            Next = next;
            Time = time;
        }

        public string Method { get; }

        /// <summary>The <c>result</c> element (detached from any pooled buffer, safe to keep).</summary>
        public JsonElement Result { get; }

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
