using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// The portal's list navigation: pages of 50 from <c>start</c>; <c>total</c> always, <c>next</c> only when more
/// rows follow; <c>start=-1</c> returns the first 50 without counting: <c>total</c> 0 and no next, as in
/// shared/api-reference/settings__performance__huge-data.md.
/// </summary>
internal static class ListPage
{
    public const int Size = 50;

    public static MethodResult Build<TRow>(IEnumerable<TRow> sorted, RestParams parameters, Func<TRow, JsonObject> render)
    {
        var start = PhpValues.ToInt(parameters.Get("start"));
        if (start == -1)
            return new MethodResult(ToArray(sorted.Take(Size), render), 0, null);
        var offset = (int)Math.Clamp(start, 0, int.MaxValue);
        var all = sorted.ToList();
        var page = ToArray(all.Skip(offset).Take(Size), render);
        int? next = offset + Size < all.Count ? offset + Size : null;
        return new MethodResult(page, all.Count, next);
    }

    private static JsonArray ToArray<TRow>(IEnumerable<TRow> rows, Func<TRow, JsonObject> render)
        => new(rows.Select(r => (JsonNode?)render(r)).ToArray());
}
