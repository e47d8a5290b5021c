namespace Bitrix24.Emulator.Api;

/// <summary>Who is calling: the user, whether that user is a portal administrator, and the application
/// (client id) when the call carries an OAuth token; null for a webhook.</summary>
internal sealed record Caller(long UserId, bool IsAdmin, string? ClientId = null)
{
    public bool IsApplication => ClientId is not null;
}

/// <summary>Everything a method handler gets. Handlers run under the portal lock.</summary>
internal sealed record MethodContext(PortalState Portal, Caller Caller, RestParams Params, CallExecutor Executor)
{
    /// <summary>bizproc methods: administrators only.</summary>
    public void RequireAdmin()
    {
        if (!Caller.IsAdmin)
            throw RestException.AccessDenied();
    }

    /// <summary>Robots, activities, template writes: an application's token, never a webhook.</summary>
    public void RequireApplication()
    {
        if (!Caller.IsApplication)
            throw new RestException(403, "ACCESS_DENIED", "Application context required");
    }
}

/// <summary>A REST method implementation.</summary>
internal delegate MethodResult MethodHandler(MethodContext context);
