namespace Bitrix24.Emulator.Api;

/// <summary>Every emulated method by its lower-case name; each API area registers its own.</summary>
internal static class MethodRegistry
{
    public const string Batch = "batch";

    private static readonly IReadOnlyDictionary<string, MethodHandler> Handlers = Build();

    public static MethodHandler? Find(string method) => Handlers.GetValueOrDefault(method);

    private static Dictionary<string, MethodHandler> Build()
    {
        var handlers = new Dictionary<string, MethodHandler>(StringComparer.Ordinal);
        UserMethods.Register(handlers);
        TemplateMethods.Register(handlers);
        WorkflowMethods.Register(handlers);
        handlers[Batch] = BatchMethod.Handle;
        return handlers;
    }
}
