using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Client.Tests.TestSupport;

/// <summary>One request as the network would have seen it.</summary>
public sealed record RecordedRequest(HttpMethod Verb, Uri Uri, string Body, string? ContentType, string Accept, string UserAgent)
{
    /// <summary>The REST method: the last path segment.</summary>
    public string Method => Uri.Segments[^1];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The cmd strings of a batch body, in order, percent-decoded for readable assertions.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DecodedCommands()
        => Json.GetProperty("cmd").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, Uri.UnescapeDataString(p.Value.GetString()!)))
            .ToList();
}

/// <summary>The primary handler of unit tests: records every request and answers from a script.</summary>
public sealed class MockHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond;
    private readonly List<RecordedRequest> requests = new();

    public MockHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => this.respond = respond;

    /// <summary>Answers request n (0-based) with <paramref name="respond"/>(request, n).</summary>
    public MockHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((r, n, _) => Task.FromResult(respond(r, n))) { }

    /// <summary>Answers the requests with these responses, in order (the last one repeats).</summary>
    public static MockHandler Sequence(params Func<HttpResponseMessage>[] responses)
        => new((_, n) => responses[Math.Min(n, responses.Length - 1)]());

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (requests) return requests.ToList(); }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body,
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.Accept.ToString(), request.Headers.UserAgent.ToString());
        int index;
        lock (requests)
        {
            requests.Add(recorded);
            index = requests.Count - 1;
        }
        return await respond(recorded, index, cancellationToken);
    }
}

/// <summary>Canned portal answers.</summary>
public static class Responses
{
    public static HttpResponseMessage Json(string json, int status = 200, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (retryAfter is { } delay)
            response.Headers.RetryAfter = new RetryConditionHeaderValue(delay);
        return response;
    }

    public static HttpResponseMessage Result(string resultJson, int? total = null, int? next = null)
        => Json("{\"result\":" + resultJson
            + (total is { } t ? ",\"total\":" + t : "")
            + (next is { } n ? ",\"next\":" + n : "")
            + ",\"time\":{\"start\":1724916859.42,\"finish\":1724916859.47,\"duration\":0.05,\"processing\":0.01,"
            + "\"date_start\":\"2024-08-29T10:34:19+03:00\",\"date_finish\":\"2024-08-29T10:34:19+03:00\"}}");

    public static HttpResponseMessage Error(int status, string code, string description)
        => Json(JsonSerializer.Serialize(new { error = code, error_description = description }), status);

    public static HttpResponseMessage QueryLimit()
        => Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");

    /// <summary>The connection drops after the request was sent: no answer (a write's outcome is unknown).</summary>
    public static HttpResponseMessage Reset() => throw new HttpRequestException("The response ended prematurely.", new IOException("reset"));

    public static HttpResponseMessage Html(int status, string html)
        => new((HttpStatusCode)status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };
}
