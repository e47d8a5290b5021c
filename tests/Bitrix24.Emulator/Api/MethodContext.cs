using Bitrix24.Emulator.Areas;

namespace Bitrix24.Emulator.Api;

/// <summary>How a caller authenticated: an inbound webhook (user id + code in the path) or an application's
/// access token (the <c>auth</c> parameter).</summary>
internal enum CallerKind
{
    Webhook,
    Application,
}

/// <summary>
/// Who is calling: the user, whether that user is a portal administrator, and the context (webhook or
/// application; for an application, its client id, so that robots or templates can belong to it).
/// </summary>
internal sealed record Caller(long UserId, bool IsAdmin)
{
    public CallerKind Kind { get; init; } = CallerKind.Webhook;

    /// <summary>The application's client_id when <see cref="Kind"/> is Application; null for webhooks.</summary>
    public string? ApplicationId { get; init; }

    public bool IsApplication => Kind == CallerKind.Application;

    public static Caller Webhook(long userId, bool isAdmin) => new(userId, isAdmin);

    public static Caller Application(long userId, bool isAdmin, string applicationId)
        => new(userId, isAdmin) { Kind = CallerKind.Application, ApplicationId = applicationId };
}

/// <summary>Everything a method handler gets: the portal, the caller, the call's parameters, the method as
/// registered, and the executor (batch runs sub-calls through it). Handlers run under the portal lock.</summary>
internal sealed record MethodContext(PortalState Portal, Caller Caller, RestParams Params, MethodSpec Method, CallExecutor Executor)
{
    /// <summary>The area that owns some rows (its own or another's).</summary>
    public T Area<T>() where T : PortalArea => Portal.Area<T>();

    /// <summary>bizproc methods: administrators only.</summary>
    public void RequireAdmin()
    {
        if (!Caller.IsAdmin)
            throw RestException.AccessDenied();
    }

    /// <summary>Methods an application must call (checked for methods registered with applicationOnly before
    /// their handler runs).</summary>
    public void RequireApplication()
    {
        if (!Caller.IsApplication)
            throw RestException.ApplicationContextRequired();
    }
}
