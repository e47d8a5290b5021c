namespace Bitrix24.Emulator.Api;

/// <summary>
/// A documented REST error: the code (may be empty, as bizproc's own RestException leaves it), the text and the
/// HTTP status. Thrown by method handlers; written as <c>{"error":…,"error_description":…}</c>.
/// </summary>
internal sealed class RestException : Exception
{
    public RestException(int httpStatus, string code, string description)
        : base(description)
    {
        HttpStatus = httpStatus;
        Code = code;
    }

    public int HttpStatus { get; }
    public string Code { get; }
    public string Description => Message;

    public static RestException AccessDenied() => new(403, "ACCESS_DENIED", "Access denied!");
    public static RestException ApplicationContextRequired() => new(403, "ACCESS_DENIED", "Application context required");
    public static RestException MethodNotFound() => new(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    public static RestException NoAuth() => new(401, "NO_AUTH_FOUND", "Wrong authorization data");
    public static RestException QueryLimit() => new(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
    public static RestException OperationTimeLimit() => new(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");

    /// <summary>bizproc's RestException('…') without a code: HTTP 400 and an empty error code.</summary>
    public static RestException Bizproc(string description) => new(400, "", description);
}
