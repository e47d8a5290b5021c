using System;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Serialization
{
    /// <summary>Turns an HTTP answer into a <see cref="B24Response"/> or the one exception type. Every text
    /// taken from the body into an exception goes through <c>redact</c> first: error pages and descriptions
    /// can quote the request path, and with it the webhook code.</summary>
    internal static class ResponseReader
    {
        // PHP sites sometimes emit a stray byte-order mark; workflow templates nest deeper than STJ's default 64.
        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions { MaxDepth = 512 };
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        private const int ExcerptLength = 160;
        private static readonly Regex Title = new Regex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
        private static readonly Regex Tags = new Regex("<[^>]*>|&[a-z]+;|&#[0-9]+;", RegexOptions.IgnoreCase);
        private static readonly Regex Urls = new Regex(@"[a-z][a-z0-9+.-]*://\S+", RegexOptions.IgnoreCase);
        private static readonly Regex Spaces = new Regex(@"\s+");

        /// <remarks><paramref name="body"/> must not be changed afterwards: the response's result reads from it.</remarks>
        public static B24Response Read(string method, int status, byte[] body, Func<string, string> redact)
        {
            if (!TryParse(body, out var document))
                throw Unexpected(method, status, "Server returned an unexpected response" + redact(Excerpt(body)));

            // On success the document is not disposed: the result points into it, and it into the body (a copy
            // ReadAsByteArrayAsync made for this read alone). Undisposed, its pooled index of the JSON goes to the
            // collector instead of back to the pool: what Clone() would allocate, without Clone's copy of the body
            // (measured: 187 instead of 199 MB allocated over a 100,000-row listing).
            var kept = false;
            try
            {
                var root = document!.RootElement;
                if (TryReadError(root, method, status, redact) is { } error)
                    throw error;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
                    throw Unexpected(method, status, "Server returned JSON without a result");
                if (status < 200 || status > 299)
                    throw Unexpected(method, status, "Server returned a result with an error status");

                var response = new B24Response(method, result, ReadCount(root, "total"), ReadCount(root, "next"),
                    root.TryGetProperty("time", out var time) ? ReadTime(time) : null);
                kept = true;
                return response;
            }
            finally
            {
                if (!kept)
                    document!.Dispose();
            }
        }

        /// <summary>The error of a Bitrix24 error body ({"error":…,"error_description":…}), or null.</summary>
        public static B24Exception? TryReadError(JsonElement root, string? method, int? status, Func<string, string> redact)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var code))
                return null;
            var codeText = JsonReading.ToText(code);
            if (string.IsNullOrEmpty(codeText))
                return null;
            var description = root.TryGetProperty("error_description", out var d) ? JsonReading.ToText(d) ?? "" : "";
            return new B24Exception(codeText!, redact(description), status, method)
            {
                Time = root.TryGetProperty("time", out var time) ? ReadTime(time) : null,
            };
        }

        /// <summary>The error code of a response body, or null (used to tell a 503 QUERY_LIMIT_EXCEEDED from
        /// other 503s before deciding to retry).</summary>
        public static string? TryReadErrorCode(byte[] body)
        {
            if (!TryParse(body, out var document))
                return null;
            using (document)
                return TryReadError(document!.RootElement, null, null, text => text)?.Code;
        }

        /// <summary>Parses a body that is valid UTF-8 JSON (a leading byte-order mark allowed). Invalid UTF-8
        /// is refused here: STJ would accept it inside strings and fail later, far from the response.</summary>
        private static bool TryParse(byte[] body, out JsonDocument? document)
        {
            document = null;
            var offset = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
            try
            {
                StrictUtf8.GetCharCount(body, offset, body.Length - offset);
                document = JsonDocument.Parse(new ReadOnlyMemory<byte>(body, offset, body.Length - offset), Options);
                return true;
            }
            catch (Exception e) when (e is JsonException || e is DecoderFallbackException)
            {
                return false;
            }
        }

        public static B24Time? ReadTime(JsonElement time)
        {
            if (time.ValueKind != JsonValueKind.Object)
                return null;
            double Number(string name) => time.TryGetProperty(name, out var v) ? JsonReading.ToDouble(v) ?? 0 : 0;
            return new B24Time
            {
                Start = Number("start"),
                Finish = Number("finish"),
                Duration = Number("duration"),
                Processing = Number("processing"),
                Operating = time.TryGetProperty("operating", out var operating) ? JsonReading.ToDouble(operating) : null,
                OperatingResetAt = time.TryGetProperty("operating_reset_at", out var reset) && JsonReading.ToInt64(reset) is { } seconds
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            };
        }

        public static int? ReadCount(JsonElement obj, string name)
            => obj.TryGetProperty(name, out var value) ? JsonReading.ToInt32(value) : null;

        private static B24Exception Unexpected(string method, int status, string description)
            => new B24Exception(B24ErrorCodes.UnexpectedAnswer, description, status, method);

        /// <summary>A short, single-line look at a non-JSON body (an HTML error page's title, usually),
        /// without any URL it may contain.</summary>
        private static string Excerpt(byte[] body)
        {
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096)); // lenient: invalid bytes become U+FFFD
            var title = Title.Match(text);
            if (title.Success)
                text = title.Groups[1].Value;
            text = Spaces.Replace(Urls.Replace(Tags.Replace(text, " "), "[url]"), " ").Trim();
            if (text.Length == 0)
                return body.Length == 0 ? " (empty body)." : ".";
            return ": " + (text.Length > ExcerptLength ? text.Substring(0, ExcerptLength) + "…" : text);
        }
    }
}
