namespace Bitrix24.Client.Operations
{
    /// <summary>Whether a call may be repeated when its fate is unclear; the retry classifier decides with it.</summary>
    public enum B24CallKind
    {
        /// <summary>A raw call (Invoke-B24Method, a hand-written batch): the client cannot know, so only failures
        /// the portal certainly refused before running anything (503 QUERY_LIMIT_EXCEEDED, expired_token) are
        /// repeated, and transport failures keep their own codes.</summary>
        Unspecified = 0,

        /// <summary>Changes nothing (list, get): safe to repeat after any transient failure.</summary>
        Read = 1,

        /// <summary>Changes the portal (add, terminate, complete…): repeated only when the portal certainly did not
        /// run it; when that is unknown (a reset after sending, a timeout) it fails with OUTCOME_UNKNOWN.</summary>
        Write = 2,
    }
}
