using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Limits;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// One /rest/ request, in the portal's order: read the parameters, authenticate (401), pass the leaky bucket
/// (503; a batch is one request), run the method (404 for unknown ones, then its own errors), and answer
/// <c>{"result","next","total","time"}</c> or <c>{"error","error_description","time"}</c>.
/// </summary>
internal sealed class RestEndpoint
{
    private readonly EmulatorOptions _options;
    private readonly Authenticator _authenticator;
    private readonly LeakyBucket _bucket;
    private readonly CallExecutor _executor;
    private readonly RequestStats _stats;

    public RestEndpoint(EmulatorOptions options, Authenticator authenticator, LeakyBucket bucket, CallExecutor executor, RequestStats stats)
    {
        _options = options;
        _authenticator = authenticator;
        _bucket = bucket;
        _executor = executor;
        _stats = stats;
    }

    public async Task HandleAsync(HttpContext context, RestRoute route)
    {
        try
        {
            await ServeAsync(context, route);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody to answer.
        }
        catch (Exception bug) when (!context.Response.HasStarted)
        {
            // An emulator bug: answer as the portal does on an internal error, and say what broke.
            Console.Error.WriteLine($"Bitrix24.Emulator: {bug.GetType().Name}: {bug.Message}{Environment.NewLine}{bug.StackTrace}");
            var error = new RestException(500, "INTERNAL_SERVER_ERROR", "Internal server error");
            await WriteAsync(context, error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(DateTimeOffset.UtcNow));
        }
    }

    private async Task ServeAsync(HttpContext context, RestRoute route)
    {
        var start = DateTimeOffset.UtcNow;
        var cancellationToken = context.RequestAborted;
        if (_options.LatencyMs > 0)
            await Task.Delay(_options.LatencyMs, cancellationToken);

        var method = MethodName.Normalize(route.Method);
        _stats.Request(method);

        RestParams parameters;
        try
        {
            parameters = await RequestReader.ReadAsync(context.Request, cancellationToken);
        }
        catch (RestException error)
        {
            await WriteAsync(context, error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(start));
            return;
        }

        Caller? caller;
        try
        {
            caller = _authenticator.Authenticate(route, parameters);
        }
        catch (RestException expired)
        {
            await WriteAsync(context, expired.HttpStatus, ErrorBody(expired), TimeInfo.Unmetered(start));
            return;
        }
        // The token is not a method parameter (user.get would read it as a filter field).
        parameters = parameters.Without("auth");
        if (caller is null)
        {
            var error = RestException.NoAuth();
            await WriteAsync(context, error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(start));
            return;
        }

        if (!_bucket.TryAdd())
        {
            _stats.QueryLimit();
            var error = RestException.QueryLimit();
            await WriteAsync(context, error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(start));
            return;
        }

        var outcome = _executor.Execute(method, caller, parameters, inBatch: false);
        var time = outcome.Time with { Start = start };
        if (outcome.Error is { } failure)
        {
            await WriteAsync(context, failure.HttpStatus, ErrorBody(failure), time);
            return;
        }

        var result = outcome.Result!;
        var body = new JsonObject { ["result"] = result.Result };
        if (result.Next is { } next)
            body["next"] = next;
        if (result.Total is { } total)
            body["total"] = total;
        await WriteAsync(context, StatusCodes.Status200OK, body, time);
    }

    /// <summary>Readable output ('+' and non-ASCII unescaped); any JSON parser reads it either way.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ErrorBody(RestException error)
        => new() { ["error"] = error.Code, ["error_description"] = error.Description };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body, TimeInfo time)
    {
        body["time"] = (time with { Finish = DateTimeOffset.UtcNow }).ToJson();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Output), context.RequestAborted);
    }
}
