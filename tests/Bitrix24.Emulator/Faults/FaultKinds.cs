namespace Bitrix24.Emulator.Faults;

/// <summary>
/// Named faults (<c>"kind":"queryLimit"</c>) with the docs' codes, statuses and texts; a rule's own fields
/// override them. The reliability work adds to this catalogue.
/// </summary>
internal static class FaultKinds
{
    private const string Html502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private const string Html504 = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static readonly Dictionary<string, FaultRule> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["queryLimit"] = new() { Status = 503, Error = "QUERY_LIMIT_EXCEEDED", Description = "Too many requests" },
        ["operationTimeLimit"] = new() { Status = 429, Error = "OPERATION_TIME_LIMIT", Description = "Method is blocked due to operation time limit." },
        ["internalError"] = new() { Status = 500, Error = "INTERNAL_SERVER_ERROR", Description = "Internal server error" },
        ["overload"] = new() { Status = 503, Error = "OVERLOAD_LIMIT", Description = "REST API is blocked due to overload" },
        ["expiredToken"] = new() { Status = 401, Error = "expired_token", Description = "The access token provided has expired" },
        ["html502"] = new() { Status = 502, Body = Html502, ContentType = "text/html" },
        ["html504"] = new() { Status = 504, Body = Html504, ContentType = "text/html" },
        ["malformedJson"] = new() { Status = 200, Body = "{\"result\": tru", ContentType = "application/json; charset=utf-8" },
        ["reset"] = new() { Abort = true },
    };

    public static IEnumerable<string> Names => Kinds.Keys;

    public static FaultRule? Find(string name) => Kinds.GetValueOrDefault(name);
}
