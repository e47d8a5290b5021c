namespace Bitrix24.Client.Errors
{
    /// <summary>Known error codes, what they mean and what the caller can do about them.</summary>
    public static class B24ErrorCodes
    {
        // Portal codes (shared/api-reference/_includes__system-errors.md and per-method pages).
        public const string AccessDenied = "ACCESS_DENIED";
        public const string NoAuthFound = "NO_AUTH_FOUND";
        public const string QueryLimitExceeded = "QUERY_LIMIT_EXCEEDED";
        public const string OperationTimeLimit = "OPERATION_TIME_LIMIT";
        public const string UnexpectedAnswer = "ERROR_UNEXPECTED_ANSWER";
        public const string InternalServerError = "INTERNAL_SERVER_ERROR";
        public const string WrongWorkflowId = "ERROR_WRONG_WORKFLOW_ID";
        public const string MethodNotFound = "ERROR_METHOD_NOT_FOUND";
        public const string BatchLengthExceeded = "ERROR_BATCH_LENGTH_EXCEEDED";
        public const string BatchMethodNotAllowed = "ERROR_BATCH_METHOD_NOT_ALLOWED";
        public const string ExpiredToken = "expired_token";
        public const string InsufficientScope = "insufficient_scope";

        // The client's own codes, for failures that never produced a Bitrix24 error body.
        public const string NetworkError = "NETWORK_ERROR";
        public const string Timeout = "TIMEOUT";
        public const string InvalidArgument = "INVALID_ARGUMENT";

        /// <summary>A one-line hint on what to do about <paramref name="code"/>, or null when there is none.</summary>
        public static string? Hint(string code) => throw new System.NotImplementedException();

        internal static string FormatMessage(string code, string description, int? httpStatus, string? method)
            => throw new System.NotImplementedException();
    }
}
