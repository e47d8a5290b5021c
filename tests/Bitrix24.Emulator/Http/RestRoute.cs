namespace Bitrix24.Emulator.Http;

/// <summary>
/// A /rest/ address: the webhook form <c>/rest/{userId}/{code}/{method}</c>, or the application form
/// <c>/rest/{method}</c> whose token travels in the <c>auth</c> parameter. The method keeps its letter case
/// and suffix here; <see cref="MethodName"/> normalizes it.
/// </summary>
internal sealed record RestRoute(string Method, long? WebhookUserId, string? WebhookCode)
{
    /// <summary>Null when the path is not under /rest/.</summary>
    public static RestRoute? Parse(string path)
    {
        if (!path.StartsWith("/rest/", StringComparison.OrdinalIgnoreCase))
            return null;
        var segments = path["/rest/".Length..].TrimEnd('/').Split('/');
        if (segments.Length >= 2 && long.TryParse(segments[0], out var userId))
            return new RestRoute(segments.Length >= 3 ? string.Join("/", segments[2..]) : "", userId, segments[1]);
        return new RestRoute(string.Join("/", segments), null, null);
    }
}
