namespace Bitrix24.Emulator.Http;

/// <summary>Method names as the portal matches them: any letter case, an optional ".json" suffix.</summary>
internal static class MethodName
{
    public static string Normalize(string raw)
    {
        var name = raw.Trim().TrimEnd('/').ToLowerInvariant();
        return name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name;
    }
}
