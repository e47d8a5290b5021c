using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Limits;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// One /rest/ request, in the portal's order: the fault stage decides whether a rule hits it; read the
/// parameters, authenticate (401), pass the leaky bucket (503; a batch is one request), run the method (404
/// for unknown ones, then its own errors), and answer <c>{"result","next","total","time"}</c> or
/// <c>{"error","error_description","time"}</c>. A rule "before" answers (or drops the connection) instead of
/// all that; a rule "after" lets the call run and its effect stay, then delays, replaces, cuts or drops the answer.
/// </summary>
internal sealed class RestEndpoint
{
    private readonly EmulatorOptions _options;
    private readonly Authenticator _authenticator;
    private readonly LeakyBucket _bucket;
    private readonly CallExecutor _executor;
    private readonly RequestStats _stats;
    private readonly FaultPlan _faults;

    public RestEndpoint(EmulatorOptions options, Authenticator authenticator, LeakyBucket bucket, CallExecutor executor, RequestStats stats, FaultPlan faults)
    {
        _options = options;
        _authenticator = authenticator;
        _bucket = bucket;
        _executor = executor;
        _stats = stats;
        _faults = faults;
    }

    /// <summary>An answer not yet written.</summary>
    private sealed record Reply(int Status, JsonObject Body, TimeInfo Time);

    public async Task HandleAsync(HttpContext context, RestRoute route)
    {
        try
        {
            var start = DateTimeOffset.UtcNow;
            var cancellationToken = context.RequestAborted;
            if (_options.LatencyMs > 0)
                await Task.Delay(_options.LatencyMs, cancellationToken);

            var method = MethodName.Normalize(route.Method);
            _stats.Request(method);
            var fault = _faults.Decide(method);
            if (fault is not null)
                _stats.Fault(fault.Name);

            if (fault is { When: FaultTiming.Before })
            {
                if (await ApplyAsync(context, fault, start))
                    return;
                fault = null; // a delay only: the call goes on as usual
            }

            var reply = await ServeAsync(context, route, method, start);
            if (fault is { When: FaultTiming.After })
            {
                if (fault.TruncateAt is { } length)
                {
                    await TruncateAsync(context, reply, length);
                    return;
                }
                if (await ApplyAsync(context, fault, start))
                    return;
            }
            await WriteAsync(context, reply);
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
            await WriteAsync(context, new Reply(error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(DateTimeOffset.UtcNow, _options.OperatingWindowSeconds)));
        }
    }

    private async Task<Reply> ServeAsync(HttpContext context, RestRoute route, string method, DateTimeOffset start)
    {
        RestParams parameters;
        Caller caller;
        try
        {
            parameters = await RequestReader.ReadAsync(context.Request, context.RequestAborted);
            caller = _authenticator.Authenticate(route, parameters);
            // The token is not a method parameter (user.get would read it as a filter field).
            parameters = parameters.Without("auth");
        }
        catch (RestException error)
        {
            return new Reply(error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(start, _options.OperatingWindowSeconds));
        }

        if (!_bucket.TryAdd())
        {
            _stats.QueryLimit();
            var error = RestException.QueryLimit();
            return new Reply(error.HttpStatus, ErrorBody(error), TimeInfo.Unmetered(start, _options.OperatingWindowSeconds));
        }

        var outcome = _executor.Execute(method, caller, parameters, inBatch: false);
        var time = outcome.Time with { Start = start };
        if (outcome.Error is { } failure)
            return new Reply(failure.HttpStatus, ErrorBody(failure), time);

        var result = outcome.Result!;
        var body = new JsonObject { ["result"] = result.Result };
        if (result.Next is { } next)
            body["next"] = next;
        if (result.Total is { } total)
            body["total"] = total;
        return new Reply(StatusCodes.Status200OK, body, time);
    }

    /// <summary>A rule's delay, then its own answer or a dropped connection; false when it only delays.</summary>
    private async Task<bool> ApplyAsync(HttpContext context, FaultRule fault, DateTimeOffset start)
    {
        if (fault.DelayMs > 0)
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        if (fault.Abort)
        {
            context.Abort();
            return true;
        }
        if (fault.Status is not { } status)
            return false;
        if (fault.Body is { } raw)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = fault.ContentType ?? (raw.TrimStart().StartsWith('<') ? "text/html" : "application/json; charset=utf-8");
            await context.Response.WriteAsync(raw, context.RequestAborted);
            return true;
        }
        var body = new JsonObject { ["error"] = fault.Error ?? "", ["error_description"] = fault.Description ?? "" };
        await WriteAsync(context, new Reply(status, body, TimeInfo.Unmetered(start, _options.OperatingWindowSeconds)));
        return true;
    }

    /// <summary>Only the first bytes of the real answer, as a complete HTTP response: the JSON is cut short, which
    /// a client sees deterministically (a dropped connection after some bytes may lose them to the reset).</summary>
    private static async Task TruncateAsync(HttpContext context, Reply reply, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(reply));
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, Math.Min(length, bytes.Length)), context.RequestAborted);
    }

    /// <summary>Readable output ('+' and non-ASCII unescaped); any JSON parser reads it either way.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ErrorBody(RestException error)
        => new() { ["error"] = error.Code, ["error_description"] = error.Description };

    private static string Serialize(Reply reply)
    {
        reply.Body["time"] = (reply.Time with { Finish = DateTimeOffset.UtcNow }).ToJson();
        return reply.Body.ToJsonString(Output);
    }

    private static async Task WriteAsync(HttpContext context, Reply reply)
    {
        var text = Serialize(reply);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
