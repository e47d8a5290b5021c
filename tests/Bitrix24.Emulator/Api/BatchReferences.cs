using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// Batch references, by the portal's rule: after the sub-call's query is parsed, every value (and key) is
/// scanned for <c>$result[k][49][ID]</c> (also $next, $total, $time, $error; any case). The path is walked into
/// the earlier results; a missing step stops the walk and the deepest value reached is used. A value that is
/// exactly one reference becomes that node (possibly a whole array of rows); otherwise the reference's text is
/// substituted (PHP string conversion: arrays read "Array").
/// </summary>
internal static class BatchReferences
{
    private static readonly Regex Reference = new(@"\$(result|next|total|time|error)((?:\[[^\]]+\])+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Step = new(@"\[([^\]]+)\]", RegexOptions.CultureInvariant);

    public static JsonObject Resolve(JsonObject parameters, BatchResults results)
        => (JsonObject)ResolveNode(parameters, results)!;

    private static JsonNode? ResolveNode(JsonNode? node, BatchResults results)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                    copy[PhpValues.ToText(Substitute(key, results))] = ResolveNode(value, results);
                return copy;
            case JsonArray list:
                return new JsonArray(list.Select(item => ResolveNode(item, results)).ToArray());
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return Substitute(value.GetValue<string>(), results);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>The text with its references resolved; the node itself when the text is one whole reference.</summary>
    private static JsonNode? Substitute(string text, BatchResults results)
    {
        var matches = Reference.Matches(text);
        if (matches.Count == 0)
            return JsonValue.Create(text);
        if (matches.Count == 1 && matches[0].Value == text)
            return Walk(matches[0], results);
        return JsonValue.Create(Reference.Replace(text, m => PhpValues.ToText(Walk(m, results))));
    }

    private static JsonNode? Walk(Match reference, BatchResults results)
    {
        var steps = Step.Matches(reference.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
        var section = results.Section(reference.Groups[1].Value);
        // The first step picks a sub-call's entry; without it the walk stops at the whole section.
        var entry = section.LastOrDefault(e => e.Key == steps[0]);
        if (entry.Key is null)
            return BatchResults.ToPhpArray(section);
        var current = entry.Value;
        foreach (var key in steps.Skip(1))
        {
            if (!TryStep(current, key, out var child))
                break;
            current = child;
        }
        return current?.DeepClone();
    }

    private static bool TryStep(JsonNode? node, string key, out JsonNode? child)
    {
        child = null;
        if (node is JsonObject obj)
            return obj.TryGetPropertyValue(key, out child);
        if (node is JsonArray list && PhpValues.TryIntegerKey(key, out var index) && index >= 0 && index < list.Count)
        {
            child = list[(int)index];
            return true;
        }
        return false;
    }
}
