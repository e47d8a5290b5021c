using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Batching
{
    /// <summary>The outcome of one batch sub-call. Exactly one of <see cref="Result"/> / <see cref="Error"/> is
    /// meaningful: check <see cref="Succeeded"/>.</summary>
    public sealed class B24BatchItemResult
    {
        public B24BatchItemResult(B24BatchCommand command, JsonElement result, B24Exception? error, int? total, int? next, B24Time? time)
        {
            Command = command;
            Result = result;
            Error = error;
            Total = total;
            Next = next;
            Time = time;
        }

        public B24BatchCommand Command { get; }
        public string Key => Command.Key;
        public bool Succeeded => Error is null;
        public JsonElement Result { get; }

        /// <summary>The sub-call's own error (code, description, method); null on success. A sub-call skipped
        /// because an earlier one failed under halt has the error <c>BATCH_HALTED</c>.</summary>
        public B24Exception? Error { get; }
        public int? Total { get; }
        public int? Next { get; }
        public B24Time? Time { get; }
    }

    /// <summary>All sub-call outcomes, in the order the commands were given (across every HTTP request the
    /// batch was split into).</summary>
    public sealed class B24BatchResponse
    {
        public B24BatchResponse(IReadOnlyList<B24BatchItemResult> items, int httpRequests)
        {
            Items = items;
            HttpRequests = httpRequests;
        }

        public IReadOnlyList<B24BatchItemResult> Items { get; }

        /// <summary>How many HTTP requests carried the batch and were answered (ceil(n / 50) when none failed).</summary>
        public int HttpRequests { get; }
    }
}
