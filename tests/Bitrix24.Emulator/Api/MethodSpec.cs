namespace Bitrix24.Emulator.Api;

/// <summary>Whether a method only reads (safe to repeat) or changes the portal (executions are counted).</summary>
internal enum MethodKind
{
    Read,
    Write,
}

/// <summary>One registered REST method: its lower-case name, handler, kind, and whether it works only in an
/// application's context (a webhook gets 403 ACCESS_DENIED "Application context required").</summary>
internal sealed record MethodSpec(string Name, MethodHandler Handler, MethodKind Kind, bool ApplicationOnly)
{
    public bool IsWrite => Kind == MethodKind.Write;
}

/// <summary>A REST method implementation. Handlers run under the portal lock and throw
/// <see cref="RestException"/> for the documented errors.</summary>
internal delegate MethodResult MethodHandler(MethodContext context);
