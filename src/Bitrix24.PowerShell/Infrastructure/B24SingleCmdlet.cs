using System;
using Bitrix24.Client.Operations;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of per-input calls that answer with an object: creates that return what they created, event.send,
    /// a get by id. Each input is ShouldProcess'd (writes), sent — in batches of 50 when the method allows it,
    /// alone otherwise — and its result written in input order as the model (unknown fields as properties) or
    /// as what the cmdlet makes of it; a failure is that input's non-terminating error.
    /// </summary>
    public abstract class B24SingleCmdlet : B24BatchCmdlet
    {
        /// <summary>A write for one input: confirmed, sent, its result written.</summary>
        protected void Call<T>(string target, string action, Func<B24Operation<T>> operation, Func<T, object?>? output = null)
            => Submit(target, action ?? throw new ArgumentNullException(nameof(action)), operation, output ?? (result => ToOutput(result)));

        /// <summary>A read for one input (no confirmation): sent, its result written.</summary>
        protected void Get<T>(string target, Func<B24Operation<T>> operation, Func<T, object?>? output = null)
            => Submit(target, null, operation, output ?? (result => ToOutput(result)));
    }
}
