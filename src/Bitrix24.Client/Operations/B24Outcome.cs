using System;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Operations
{
    /// <summary>What a read tells about a write whose answer was lost (OUTCOME_UNKNOWN): it ran, with its
    /// result; it ran and its result cannot be read back (<see cref="Error"/> says what is known); it did not
    /// run, so it may be sent again once; or the read cannot tell.</summary>
    public readonly struct B24Outcome<T>
    {
        private B24Outcome(bool ran, bool known, T result, B24Exception? error)
        {
            Ran = ran;
            Known = known;
            Result = result;
            Error = error;
        }

        /// <summary>The portal ran the write.</summary>
        public bool Ran { get; }

        /// <summary>The read could tell (ran or not); false: still unknown.</summary>
        public bool Known { get; }

        /// <summary>The write's result, when it ran (and <see cref="Error"/> is null).</summary>
        public T Result { get; }

        /// <summary>It ran, but no read gives its result back (a flow found by its name: its id is not): the item
        /// is reported with this error, never sent again.</summary>
        public B24Exception? Error { get; }

        public static B24Outcome<T> RanWith(T result) => new B24Outcome<T>(true, true, result, null);

        public static B24Outcome<T> RanUnread(B24Exception error)
            => new B24Outcome<T>(true, true, default!, error ?? throw new ArgumentNullException(nameof(error)));

        public static B24Outcome<T> NotRun => new B24Outcome<T>(false, true, default!, null);

        public static B24Outcome<T> Unknown => new B24Outcome<T>(false, false, default!, null);

        /// <summary>The same outcome with its result turned into what a caller writes.</summary>
        public B24Outcome<TOut> Select<TOut>(Func<T, TOut> map)
            => Ran && Error is null ? B24Outcome<TOut>.RanWith(map(Result)) : new B24Outcome<TOut>(Ran, Known, default!, Error);
    }
}
