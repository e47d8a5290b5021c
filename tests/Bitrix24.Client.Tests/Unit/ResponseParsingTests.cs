using System.Collections;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class ResponseParsingTests
{
    [Fact]
    public async Task Reads_result_total_next_and_time()
    {
        var handler = MockHandler.Sequence(() => Responses.Json(
            "{\"result\":[{\"ID\":\"1\"}],\"total\":120,\"next\":50,\"time\":{\"start\":1778747192.910734,\"finish\":1778747193.530359,"
            + "\"duration\":0.6196250915527344,\"processing\":0.032338857650756836,\"date_start\":\"2026-05-14T10:26:32+02:00\","
            + "\"date_finish\":\"2026-05-14T10:26:33+02:00\",\"operating_reset_at\":1778747792,\"operating\":3.3076241016387939}}"));
        using var client = TestClients.Create(handler);

        var response = await client.CallAsync("user.get");

        Assert.Equal("user.get", response.Method);
        Assert.Equal("1", response.Result[0].GetProperty("ID").GetString());
        Assert.Equal(120, response.Total);
        Assert.Equal(50, response.Next);
        Assert.NotNull(response.Time);
        Assert.Equal(1778747192.910734, response.Time!.Start, 6);
        Assert.Equal(0.6196250915527344, response.Time.Duration, 9);
        Assert.Equal(0.032338857650756836, response.Time.Processing, 9);
        Assert.Equal(3.3076241016387939, response.Time.Operating!.Value, 9);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1778747792), response.Time.OperatingResetAt);
    }

    [Fact]
    public async Task Absent_list_fields_are_null()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Json("{\"result\":\"66e81a641752f8.56521481\"}")));

        var response = await client.CallAsync("bizproc.workflow.start");

        Assert.Equal("66e81a641752f8.56521481", response.Result.GetString());
        Assert.Null(response.Total);
        Assert.Null(response.Next);
        Assert.Null(response.Time);
    }

    [Fact]
    public async Task An_error_body_becomes_one_exception_with_every_field()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Error(403, "ACCESS_DENIED", "Access denied!")));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("bizproc.workflow.terminate", new Hashtable { ["ID"] = "x" }));

        Assert.Equal("ACCESS_DENIED", error.Code);
        Assert.Equal("Access denied!", error.Description);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("bizproc.workflow.terminate", error.Method);
        Assert.Equal("bizproc.workflow.terminate: ACCESS_DENIED (HTTP 403) Access denied!", error.Message);
    }

    [Fact]
    public async Task A_wrong_code_error_never_shows_the_code()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Error(401, "NO_AUTH_FOUND", "Wrong authorization data")));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.NoAuthFound, error.Code);
        Assert.Equal(401, error.HttpStatus);
        TestClients.AssertNoSecret(error.ToString(), "the exception");
    }

    [Fact]
    public async Task An_html_502_page_is_an_unexpected_answer_with_a_safe_excerpt()
    {
        var html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
            + "<p>upstream of " + TestClients.WebhookUrl + "user.get failed</p></center><hr><center>nginx</center></body></html>";
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Html(502, html)));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Equal(502, error.HttpStatus);
        Assert.Contains("502 Bad Gateway", error.Description);
        TestClients.AssertNoSecret(error.ToString(), "the exception");
    }

    [Fact]
    public async Task A_page_without_title_is_excerpted_without_its_urls()
    {
        var html = "<body>Proxy error while calling " + TestClients.WebhookUrl + "user.get &mdash; try again</body>";
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Html(500, html)));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Contains("Proxy error while calling [url]", error.Description);
        Assert.DoesNotContain("example.bitrix24.com", error.Description);
    }

    [Theory]
    [InlineData(200, "OK, but not JSON")]
    [InlineData(200, "{\"answer\":42}")]
    [InlineData(404, "{\"result\":true}")]
    public async Task Bodies_that_are_not_bitrix_answers_are_unexpected(int status, string body)
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Json(body, status)));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Equal(status, error.HttpStatus);
    }

    [Fact]
    public async Task A_transport_failure_is_a_network_error_without_the_code()
    {
        var handler = new MockHandler((_, _) => throw new HttpRequestException(
            "Connection refused (" + TestClients.WebhookUrl + ")", new IOException("socket closed")));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.NetworkError, error.Code);
        Assert.Null(error.HttpStatus);
        Assert.Contains("Connection refused", error.Description);
        Assert.Contains("socket closed", error.Description);
        TestClients.AssertNoSecret(error.Message, "the exception message");
        // Nothing below the message may keep the original exception: ToString() and PowerShell's error view
        // show the whole chain.
        Assert.Null(error.InnerException);
        TestClients.AssertNoSecret(error.ToString(), "the exception's ToString()");
        Assert.Contains("IOException", error.Description);
    }

    [Theory]
    [InlineData("text/plain", "Cannot POST /rest/1/" + TestClients.Code + "/user.get")]
    [InlineData("text/html", "<html><title>404 /rest/1/" + TestClients.Code + "/user.get not found</title></html>")]
    public async Task An_error_page_that_quotes_the_path_never_shows_the_code(string type, string body)
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, type),
        }));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Contains("/rest/1/***/user.get", error.Description);
        TestClients.AssertNoSecret(error.ToString(), "the exception");
    }

    [Fact]
    public async Task An_error_description_that_quotes_the_code_is_masked()
    {
        using var client = TestClients.Create(MockHandler.Sequence(() => Responses.Error(400, "INVALID_REQUEST", "Bad URL /rest/1/" + TestClients.Code + "/x")));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal("INVALID_REQUEST", error.Code);
        TestClients.AssertNoSecret(error.ToString(), "the exception");
    }

    [Fact]
    public async Task Invalid_utf8_is_an_unexpected_answer_not_a_crash()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"error\":\"X\",\"error_description\":\"bad \u0001\"}");
        bytes[^3] = 0xFF; // a lone invalid byte inside a string, which STJ would only notice when reading it
        using var client = TestClients.Create(MockHandler.Sequence(() => new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
        {
            Content = new ByteArrayContent(bytes),
        }));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, error.Code);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task A_byte_order_mark_and_deep_nesting_are_still_json()
    {
        var deep = new string('[', 100) + "1" + new string(']', 100);
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{\"result\":" + deep + "}")).ToArray();
        using var client = TestClients.Create(MockHandler.Sequence(() => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body),
        }));

        var response = await client.CallAsync("bizproc.workflow.template.list");

        Assert.Equal(System.Text.Json.JsonValueKind.Array, response.Result.ValueKind);
    }

    [Fact]
    public async Task No_answer_in_time_is_a_timeout()
    {
        var handler = new MockHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Responses.Result("true");
        });
        using var client = TestClients.Create(handler, o => o.Timeout = TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.Timeout, error.Code);
        Assert.Equal("user.get", error.Method);
    }

    [Fact]
    public async Task A_body_that_stops_after_the_headers_is_a_timeout()
    {
        // The per-attempt deadline covers the body too: headers alone are no answer.
        var handler = new MockHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new TrickleStream(System.Text.Encoding.UTF8.GetBytes("{\"result\":"), 4, stallAtEnd: true)),
        });
        using var client = TestClients.Create(handler, o => o.Timeout = TimeSpan.FromMilliseconds(200));

        // (WaitAsync: a reader that ignored the deadline fails here instead of hanging the run.)
        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(B24ErrorCodes.Timeout, error.Code);
    }

    [Fact]
    public async Task A_large_body_arriving_in_small_pieces_is_read_whole()
    {
        // 60,000 rows (about 1.2 MB: the buffer grows many times over) in pieces of 1,000 bytes.
        var rows = string.Join(",", Enumerable.Range(1, 60_000).Select(i => "{\"ID\":\"" + i + "\"}"));
        var body = System.Text.Encoding.UTF8.GetBytes("{\"result\":[" + rows + "],\"total\":60000}");
        var handler = new MockHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new TrickleStream(body, 1_000, stallAtEnd: false)),
        });
        using var client = TestClients.Create(handler);

        var response = await client.CallAsync("user.get");

        Assert.Equal(60_000, response.Result.GetArrayLength());
        Assert.Equal("60000", response.Result[59_999].GetProperty("ID").GetString());
        Assert.Equal(60_000, response.Total);
    }

    /// <summary>A response stream that gives its bytes a few at a time, then ends or (stallAtEnd) waits until cancelled.</summary>
    private sealed class TrickleStream(byte[] bytes, int piece, bool stallAtEnd) : System.IO.Stream
    {
        private int position;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (position == bytes.Length)
            {
                if (stallAtEnd)
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
            var n = Math.Min(Math.Min(piece, count), bytes.Length - position);
            Array.Copy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        var handler = new MockHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Responses.Result("true");
        });
        using var client = TestClients.Create(handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("user.get", null, cancel.Token));
    }

    [Fact]
    public async Task A_disposed_client_refuses_calls()
    {
        var client = TestClients.Create(MockHandler.Sequence(() => Responses.Result("true")));
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CallAsync("user.get"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_that_cannot_work_are_refused(double rate)
        => Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(MockHandler.Sequence(() => Responses.Result("true")), o => o.RequestsPerSecond = rate));

    [Fact]
    public void The_client_keeps_its_own_copy_of_the_options()
    {
        var options = new B24ClientOptions { Burst = 20 };
        using var client = new B24Client(Auth.WebhookCredential.Parse(TestClients.WebhookUrl), options);
        options.Burst = 999;
        client.GetOptions().Burst = 555;

        Assert.Equal(20, client.GetOptions().Burst);
    }
}
