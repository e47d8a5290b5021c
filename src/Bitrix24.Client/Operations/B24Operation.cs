using System;
using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Operations
{
    /// <summary>
    /// One REST call described once: method, parameters, read or write, whether it needs an application
    /// context, and (in <see cref="B24Operation{T}"/>) how to read its result. The client can send it alone
    /// (<see cref="B24Client.CallAsync{T}"/>) or in a batch (<see cref="ToBatchCommand"/>,
    /// <see cref="B24Client.BatchAsync(IReadOnlyList{B24Operation}, bool, System.Threading.CancellationToken)"/>);
    /// lists are <see cref="B24ListOperation{T}"/>. API areas (Api/) are static factories of these.
    /// </summary>
    public abstract class B24Operation
    {
        private protected B24Operation(string method, IReadOnlyDictionary<string, object?> parameters, B24CallKind kind)
        {
            if (string.IsNullOrWhiteSpace(method))
                throw new ArgumentException("An operation needs a method name.", nameof(method));
            Method = method;
            Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            Kind = kind;
        }

        public string Method { get; }

        /// <summary>The parameters as sent (ordered as written; a caller may show them, e.g. for -WhatIf).</summary>
        public IReadOnlyDictionary<string, object?> Parameters { get; }

        public B24CallKind Kind { get; }

        /// <summary>Safe to repeat after any transient failure.</summary>
        public bool IsRead => Kind == B24CallKind.Read;

        /// <summary>Works only when signed in as an application (OAuth); a webhook gets ACCESS_DENIED
        /// "Application context required", so the client refuses it before sending.</summary>
        public bool RequiresApplication { get; init; }

        /// <summary>False for the few methods the portal refuses inside <c>batch</c> (they are sent alone).</summary>
        public bool Batchable { get; init; } = true;

        /// <summary>This call as a sub-call of a <c>batch</c>.</summary>
        public B24BatchCommand ToBatchCommand(string key)
            => new B24BatchCommand(key, Method, Parameters) { Kind = Kind, RequiresApplication = RequiresApplication };

        /// <summary>A read: <paramref name="read"/> turns the response into the result.</summary>
        internal static B24Operation<T> Read<T>(string method, ParameterSet parameters, Func<B24Response, T> read)
            => new B24Operation<T>(method, parameters.ToDictionary(), B24CallKind.Read, read);

        /// <summary>An outcome check whose <paramref name="read"/> also sees an error answer, because the error is
        /// the verdict (a get of a deleted flow answers "Flow not found"); <see cref="B24Response.Error"/> is set then.</summary>
        internal static B24Operation<T> ReadAnswer<T>(string method, ParameterSet parameters, Func<B24Response, T> read)
            => new B24Operation<T>(method, parameters.ToDictionary(), B24CallKind.Read, read) { ReadsErrors = true };

        /// <summary>A write: <paramref name="read"/> turns the response into the result.</summary>
        internal static B24Operation<T> Write<T>(string method, ParameterSet parameters, Func<B24Response, T> read)
            => new B24Operation<T>(method, parameters.ToDictionary(), B24CallKind.Write, read);

        /// <summary>A write whose answer only says it worked (terminate, kill, delete: <c>result: true</c>).</summary>
        internal static B24Operation<bool> Write(string method, ParameterSet parameters)
            => Write(method, parameters, response => response.Result.ValueKind != JsonValueKind.False);

        public override string ToString() => Method;
    }

    /// <summary>A <see cref="B24Operation"/> whose result reads as <typeparamref name="T"/>.</summary>
    public sealed class B24Operation<T> : B24Operation
    {
        private readonly Func<B24Response, T> read;

        internal B24Operation(string method, IReadOnlyDictionary<string, object?> parameters, B24CallKind kind, Func<B24Response, T> read)
            : base(method, parameters, kind)
            => this.read = read ?? throw new ArgumentNullException(nameof(read));

        /// <summary>
        /// A read that tells whether this write ran when its answer was lost (a reset after sending, a timeout):
        /// a terminated workflow has left the running list, a task created with a marker can be found by it. With
        /// one, OUTCOME_UNKNOWN becomes a clean success (it ran) or one more attempt (it did not); without, it
        /// stands.
        /// </summary>
        public B24Operation<B24Outcome<T>>? OutcomeCheck { get; private init; }

        /// <summary>Its reader is given error answers too (see <see cref="B24Operation.ReadAnswer{T}"/>).</summary>
        internal bool ReadsErrors { get; init; }

        /// <summary>This operation marked as application-only (robots, activities, template writes).</summary>
        public B24Operation<T> ApplicationOnly() => Copy(true, Batchable, OutcomeCheck);

        /// <summary>This operation marked as one the portal refuses inside <c>batch</c>: always sent alone.</summary>
        public B24Operation<T> Unbatchable() => Copy(RequiresApplication, false, OutcomeCheck);

        /// <summary>This write with <paramref name="check"/> as its <see cref="OutcomeCheck"/>.</summary>
        internal B24Operation<T> CheckedBy(B24Operation<B24Outcome<T>> check) => Copy(RequiresApplication, Batchable, check);

        private B24Operation<T> Copy(bool application, bool batchable, B24Operation<B24Outcome<T>>? check)
            => new B24Operation<T>(Method, Parameters, Kind, read)
            {
                RequiresApplication = application, Batchable = batchable, OutcomeCheck = check, ReadsErrors = ReadsErrors,
            };

        /// <summary>The typed result of a successful response (a direct call's, or a batch item's). Throws
        /// <see cref="Errors.B24Exception"/> (ERROR_UNEXPECTED_ANSWER) when the answer lacks what it needs.</summary>
        public T ReadResult(B24Response response)
        {
            if (response is null)
                throw new ArgumentNullException(nameof(response));
            if (response.Error is { } error && !ReadsErrors)
                throw error;
            return read(response);
        }
    }
}
