using Bitrix24.Emulator.Http;
using Bitrix24.Emulator.Limits;

namespace Bitrix24.Emulator.Api;

/// <summary>The outcome of one call or batch sub-call, with its own <c>time</c> reading.</summary>
internal sealed record CallOutcome(MethodResult? Result, RestException? Error, TimeInfo Time);

/// <summary>
/// Runs one method call (a direct call or a batch sub-call): finds the method, applies the operating-time
/// budget of (user, method), counts it, refuses an application-only method outside an application's context,
/// and runs the handler under the portal lock; a write that succeeded is counted as executed. The batch call
/// itself is not charged; its sub-calls are, each against its own method.
/// </summary>
internal sealed class CallExecutor
{
    private readonly PortalState _portal;
    private readonly MethodRegistry _methods;
    private readonly OperatingTime _operating;
    private readonly RequestStats _stats;

    public CallExecutor(PortalState portal, MethodRegistry methods, OperatingTime operating, RequestStats stats)
    {
        _portal = portal;
        _methods = methods;
        _operating = operating;
        _stats = stats;
    }

    public CallOutcome Execute(string method, Caller caller, RestParams parameters, bool inBatch)
    {
        var start = DateTimeOffset.UtcNow;
        var spec = _methods.Find(method);
        if (spec is null)
            return Fail(RestException.MethodNotFound(), start, _operating.Peek(caller.UserId, method));
        if (inBatch && method == MethodRegistry.Batch)
            return Fail(new RestException(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage"), start, _operating.Peek(caller.UserId, method));

        _stats.Call(method, inBatch);
        var reading = method == MethodRegistry.Batch ? _operating.Peek(caller.UserId, method) : _operating.Charge(caller.UserId, method);
        if (reading.Blocked)
        {
            _stats.OperationLimit();
            return Fail(RestException.OperationTimeLimit(), start, reading);
        }

        try
        {
            MethodResult result;
            lock (_portal.SyncRoot)
            {
                var context = new MethodContext(_portal, caller, parameters, spec, this);
                if (spec.ApplicationOnly)
                    context.RequireApplication();
                try
                {
                    result = spec.Handler(context);
                }
                finally
                {
                    if (spec.IsWrite)
                        _portal.Changed(); // even a write that failed half-way may have changed rows
                }
                if (spec.IsWrite)
                    _stats.Write(method);
            }
            return new CallOutcome(result, null, new TimeInfo(start, DateTimeOffset.UtcNow, reading));
        }
        catch (RestException error)
        {
            return Fail(error, start, reading);
        }
    }

    private static CallOutcome Fail(RestException error, DateTimeOffset start, OperatingTime.Reading reading)
        => new(null, error, new TimeInfo(start, DateTimeOffset.UtcNow, reading));
}
