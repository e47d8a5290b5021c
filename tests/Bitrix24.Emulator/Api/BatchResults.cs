using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// The five keyed maps a batch answers with. Each is a PHP array: empty prints <c>[]</c>, and keys exactly
/// 0..n-1 (a cmd list that all succeeded) print as a JSON list, as json_encode does. References read them.
/// </summary>
internal sealed class BatchResults
{
    private readonly Dictionary<string, List<KeyValuePair<string, JsonNode?>>> _sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["result"] = new(), ["result_error"] = new(), ["result_total"] = new(), ["result_next"] = new(), ["result_time"] = new(),
    };

    public void Success(string key, CallOutcome outcome)
    {
        var result = outcome.Result!;
        _sections["result"].Add(new(key, result.Result));
        if (result.Total is { } total)
            _sections["result_total"].Add(new(key, total));
        if (result.Next is { } next)
            _sections["result_next"].Add(new(key, next));
        _sections["result_time"].Add(new(key, outcome.Time.ToJson()));
    }

    public void Error(string key, RestException error)
        => _sections["result_error"].Add(new(key, new JsonObject { ["error"] = error.Code, ["error_description"] = error.Description }));

    /// <summary>A section by its reference name: result, error, total, next or time (any case).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Section(string referenceName)
        => _sections[referenceName.Equals("result", StringComparison.OrdinalIgnoreCase) ? "result" : "result_" + referenceName];

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, entries) in _sections)
            json[name] = ToPhpArray(entries);
        return json;
    }

    /// <summary>A keyed list of values as json_encode prints a PHP array (the values are copied).</summary>
    public static JsonNode ToPhpArray(IReadOnlyList<KeyValuePair<string, JsonNode?>> entries)
    {
        if (PhpValues.IsListKeys(entries.Select(e => e.Key).ToList()))
            return new JsonArray(entries.Select(e => e.Value?.DeepClone()).ToArray());
        var json = new JsonObject();
        foreach (var (key, value) in entries)
            json[key] = value?.DeepClone();
        return json;
    }
}
