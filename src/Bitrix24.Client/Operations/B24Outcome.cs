namespace Bitrix24.Client.Operations
{
    /// <summary>What a read tells about a write whose answer was lost (OUTCOME_UNKNOWN): it ran, with its
    /// result; it did not run, so it may be sent again once; or the read cannot tell.</summary>
    public readonly struct B24Outcome<T>
    {
        private B24Outcome(bool ran, bool known, T result)
        {
            Ran = ran;
            Known = known;
            Result = result;
        }

        /// <summary>The portal ran the write.</summary>
        public bool Ran { get; }

        /// <summary>The read could tell (ran or not); false: still unknown.</summary>
        public bool Known { get; }

        /// <summary>The write's result, when it ran.</summary>
        public T Result { get; }

        public static B24Outcome<T> RanWith(T result) => new B24Outcome<T>(true, true, result);

        public static B24Outcome<T> NotRun => new B24Outcome<T>(false, true, default!);

        public static B24Outcome<T> Unknown => new B24Outcome<T>(false, false, default!);
    }
}
