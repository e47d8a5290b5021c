using Bitrix24.Emulator.Http;
using Bitrix24.Emulator.Limits;

namespace Bitrix24.Emulator.Api;

/// <summary>The outcome of one call or batch sub-call, with its own <c>time</c> reading.</summary>
internal sealed record CallOutcome(MethodResult? Result, RestException? Error, TimeInfo Time);

/// <summary>
/// Runs one method call (a direct call or a batch sub-call): finds the method, applies the operating-time
/// budget of (user, method), counts it, and runs the handler under the portal lock. The batch call itself is
/// not charged; its sub-calls are, each against its own method.
/// </summary>
internal sealed class CallExecutor
{
    private readonly PortalState _portal;
    private readonly OperatingTime _operating;
    private readonly RequestStats _stats;

    public CallExecutor(PortalState portal, OperatingTime operating, RequestStats stats)
    {
        _portal = portal;
        _operating = operating;
        _stats = stats;
    }

    public CallOutcome Execute(string method, Caller caller, RestParams parameters, bool inBatch)
    {
        var start = DateTimeOffset.UtcNow;
        var handler = MethodRegistry.Find(method);
        if (handler is null)
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
                result = handler(new MethodContext(_portal, caller, parameters, this));
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
