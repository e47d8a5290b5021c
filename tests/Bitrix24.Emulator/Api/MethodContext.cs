namespace Bitrix24.Emulator.Api;

/// <summary>Who is calling: the webhook's user and whether that user is a portal administrator.</summary>
internal sealed record Caller(long UserId, bool IsAdmin);

/// <summary>Everything a method handler gets. Handlers run under the portal lock.</summary>
internal sealed record MethodContext(PortalState Portal, Caller Caller, RestParams Params, CallExecutor Executor)
{
    /// <summary>bizproc methods: administrators only.</summary>
    public void RequireAdmin()
    {
        if (!Caller.IsAdmin)
            throw RestException.AccessDenied();
    }
}

/// <summary>A REST method implementation.</summary>
internal delegate MethodResult MethodHandler(MethodContext context);
