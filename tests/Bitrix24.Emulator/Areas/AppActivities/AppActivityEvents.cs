using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>
/// bizproc.event.send (EVENT_TOKEN, RETURN_VALUES, LOG_MESSAGE) and bizproc.activity.log (EVENT_TOKEN,
/// LOG_MESSAGE): any user of the application that owns the waiting robot or activity; an unknown, spent or
/// other application's token is 403 ACCESS_DENIED "Access denied!"; an empty log message is 400
/// ERROR_EMPTY_LOG_MESSAGE "Empty log message!".
/// </summary>
internal static class AppActivityEvents
{
    public static MethodResult Send(MethodContext context)
    {
        var pending = Waiting(context);
        pending.ReturnValues = context.Params.Get("RETURN_VALUES")?.DeepClone();
        pending.Log.Add(PhpValues.ToText(context.Params.Get("LOG_MESSAGE")));
        pending.Completed = true;
        return new MethodResult(JsonValue.Create(true));
    }

    public static MethodResult Log(MethodContext context)
    {
        var message = PhpValues.ToText(context.Params.Get("LOG_MESSAGE"));
        if (message.Trim().Length == 0)
            throw new RestException(400, "ERROR_EMPTY_LOG_MESSAGE", "Empty log message!");
        Waiting(context).Log.Add(message);
        return new MethodResult(JsonValue.Create(true));
    }

    private static AppActivityEvent Waiting(MethodContext context)
    {
        var token = PhpValues.ToText(context.Params.Get("EVENT_TOKEN"));
        var pending = context.Area<AppActivitiesArea>().FindEvent(token);
        if (pending is null || pending.Completed || pending.ApplicationId != context.Caller.ApplicationId)
            throw RestException.AccessDenied();
        return pending;
    }
}
