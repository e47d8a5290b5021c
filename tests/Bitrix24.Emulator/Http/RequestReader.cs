using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bitrix24.Emulator.Http;

/// <summary>
/// Reads a call's parameters as the portal does: the query string (PHP bracket syntax) merged with the body,
/// the body winning. The body may be JSON, application/x-www-form-urlencoded or multipart/form-data; other
/// bodies are ignored.
/// </summary>
internal static class RequestReader
{
    private static readonly FormOptions MultipartLimits = new() { ValueCountLimit = int.MaxValue, KeyLengthLimit = int.MaxValue, ValueLengthLimit = int.MaxValue };

    /// <exception cref="RestException">The body claims to be JSON but is not.</exception>
    public static async Task<RestParams> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fromQuery = PhpQuery.Parse(request.QueryString.Value);
        var fromBody = await ReadBodyAsync(request, cancellationToken);
        return RestParams.Merge(fromQuery, fromBody);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(MultipartLimits, cancellationToken);
            return PhpQuery.FromPairs(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return PhpQuery.Parse(body);
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(body))
            return ParseJson(body);
        return new JsonObject();
    }

    /// <summary>A JSON object, or a JSON list whose indexes become the keys (positional parameters).</summary>
    private static JsonObject ParseJson(string body)
    {
        JsonNode? node;
        try
        {
            using var document = JsonDocument.Parse(body);
            node = ToNode(document.RootElement);
        }
        catch (JsonException)
        {
            throw new RestException(400, "INVALID_REQUEST", "The request body is not valid JSON.");
        }
        if (node is JsonObject obj)
            return obj;
        var result = new JsonObject();
        foreach (var (key, value) in PhpValues.Entries(node) ?? [])
            result[key] = value?.DeepClone();
        return result;
    }

    /// <summary>Like json_decode: a repeated key keeps its last value (JsonNode.Parse would fail on it).</summary>
    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                    obj[property.Name] = ToNode(property.Value);
                return obj;
            case JsonValueKind.Array:
                return new JsonArray(element.EnumerateArray().Select(ToNode).ToArray());
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
