using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Faults;

/// <summary>
/// Reads fault rules. JSON (the control API's body, or <c>--faults</c> text starting with <c>[</c> or
/// <c>{</c>, or <c>@file.json</c>): a rule object, a list of them, or <c>{"rules":[…]}</c>. The short form for
/// the command line: rules separated by <c>;</c>, each <c>method:key=value,key=value,flag</c>
/// (<c>*</c> or nothing before the colon hits any method; a bare word is a kind, <c>abort</c>, <c>after</c> or
/// <c>before</c>), e.g. <c>bizproc.workflow.terminate:nth=3,times=5,queryLimit;*:share=0.1,seed=7,reset</c>.
/// </summary>
internal static class FaultSpec
{
    private static readonly string[] Keys =
    [
        "name", "method", "kind", "nth", "times", "share", "seed", "when", "delayMs", "abort", "truncateAt",
        "status", "error", "description", "body", "contentType",
    ];

    /// <exception cref="ArgumentException">What is wrong, naming the rule and the key.</exception>
    public static IReadOnlyList<FaultRule> Parse(string spec)
    {
        var text = spec.Trim();
        if (text.StartsWith('@'))
            text = File.ReadAllText(text[1..]).Trim();
        if (text.StartsWith('[') || text.StartsWith('{'))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ArgumentException("fault rules are not valid JSON: " + e.Message);
            }
            return FromJson(node);
        }
        return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ShortRule).Select(FromObject).ToList();
    }

    /// <summary>A rule object, a list of rule objects, or <c>{"rules":[…]}</c>.</summary>
    public static IReadOnlyList<FaultRule> FromJson(JsonNode? node)
    {
        if (node is JsonObject { Count: 1 } wrapper && wrapper.FirstOrDefault().Key.Equals("rules", StringComparison.OrdinalIgnoreCase))
            node = wrapper.First().Value;
        return node switch
        {
            JsonArray list => list.Select(item => item as JsonObject ?? throw new ArgumentException("each fault rule must be a JSON object")).Select(FromObject).ToList(),
            JsonObject rule => [FromObject(rule)],
            _ => throw new ArgumentException("expected a fault rule object, a list of them, or {\"rules\":[…]}"),
        };
    }

    private static JsonObject ShortRule(string text)
    {
        var colon = text.IndexOf(':');
        var method = colon < 0 ? "*" : text[..colon].Trim();
        var rule = new JsonObject { ["method"] = method.Length == 0 ? "*" : method };
        foreach (var part in (colon < 0 ? text : text[(colon + 1)..]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq < 0)
            {
                if (part.Equals("abort", StringComparison.OrdinalIgnoreCase))
                    rule["abort"] = true;
                else if (part.Equals("after", StringComparison.OrdinalIgnoreCase) || part.Equals("before", StringComparison.OrdinalIgnoreCase))
                    rule["when"] = part;
                else
                    rule["kind"] = part;
                continue;
            }
            var value = part[(eq + 1)..];
            rule[part[..eq].Trim()] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
        }
        return rule;
    }

    private static FaultRule FromObject(JsonObject json)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in json)
        {
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"unknown fault rule key '{key}' (known: {string.Join(", ", Keys)})");
            values[key] = value;
        }

        var rule = new FaultRule();
        if (Text(values, "kind") is { } kind)
            rule = FaultKinds.Find(kind) ?? throw new ArgumentException($"unknown fault kind '{kind}' (known: {string.Join(", ", FaultKinds.Names)})");
        var method = Text(values, "method");
        var when = Text(values, "when");
        rule = rule with
        {
            Name = Text(values, "name") ?? "",
            Method = method is null or "*" ? null : MethodName.Normalize(method),
            Nth = Int(values, "nth") ?? 1,
            Times = Int(values, "times") ?? rule.Times,
            Share = Number(values, "share"),
            Seed = Int(values, "seed"),
            When = when is null ? FaultTiming.Before
                : Enum.TryParse<FaultTiming>(when, ignoreCase: true, out var timing) ? timing
                : throw new ArgumentException($"fault rule 'when' must be 'before' or 'after', not '{when}'"),
            DelayMs = Int(values, "delayMs") ?? 0,
            Abort = Flag(values, "abort") ?? rule.Abort,
            TruncateAt = Int(values, "truncateAt") ?? rule.TruncateAt,
            Status = Int(values, "status") ?? rule.Status,
            Error = Text(values, "error") ?? rule.Error,
            Description = Text(values, "description") ?? rule.Description,
            Body = Text(values, "body") ?? rule.Body,
            ContentType = Text(values, "contentType") ?? rule.ContentType,
        };
        if (rule.Status is null && (rule.Error is not null || rule.Body is not null))
            rule = rule with { Status = rule.Error is not null ? 400 : 200 };
        return Validate(rule);
    }

    private static FaultRule Validate(FaultRule rule)
    {
        Require(rule.Nth >= 1, "'nth' must be 1 or more");
        Require(rule.Times is null or >= 1, "'times' must be 1 or more");
        Require(rule.Share is null or (> 0 and <= 1), "'share' must be above 0 and at most 1");
        Require(rule.DelayMs >= 0, "'delayMs' must be zero or more");
        Require(rule.Status is null or (>= 100 and <= 599), "'status' must be an HTTP status (100–599)");
        Require(rule.TruncateAt is null or >= 0, "'truncateAt' must be zero or more");
        Require(rule.TruncateAt is null || rule.When == FaultTiming.After, "'truncateAt' cuts the real answer: it needs \"when\":\"after\"");
        Require(!(rule.Abort && rule.Answers) && !(rule.TruncateAt is not null && (rule.Abort || rule.Answers)),
            "a rule either drops the connection (abort), cuts the answer (truncateAt) or answers (status/error/body), not several");
        Require(rule.Abort || rule.Answers || rule.TruncateAt is not null || rule.DelayMs > 0,
            "a fault rule needs an effect: a kind, abort, truncateAt, status/error/body, or delayMs");
        // Unless told otherwise a rule fires once, or, with a share, on every request its dice pick.
        return rule.Times is null && rule.Share is null ? rule with { Times = 1 } : rule;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException("fault rule: " + message);
    }

    private static string? Text(Dictionary<string, JsonNode?> values, string key)
        => values.GetValueOrDefault(key) is { } node ? PhpValues.ToText(node) : null;

    private static double? Number(Dictionary<string, JsonNode?> values, string key)
    {
        if (values.GetValueOrDefault(key) is not { } node)
            return null;
        return node is JsonValue value && value.TryGetValue<double>(out var number) ? number
            : double.TryParse(PhpValues.ToText(node), NumberStyles.Float, CultureInfo.InvariantCulture, out number) ? number
            : throw new ArgumentException($"fault rule '{key}' must be a number");
    }

    private static int? Int(Dictionary<string, JsonNode?> values, string key)
        => Number(values, key) is { } number
            ? number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : throw new ArgumentException($"fault rule '{key}' must be a whole number")
            : null;

    private static bool? Flag(Dictionary<string, JsonNode?> values, string key)
        => values.GetValueOrDefault(key) is { } node
            ? node.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => bool.TryParse(PhpValues.ToText(node), out var flag) ? flag : throw new ArgumentException($"fault rule '{key}' must be true or false"),
            }
            : null;
}
