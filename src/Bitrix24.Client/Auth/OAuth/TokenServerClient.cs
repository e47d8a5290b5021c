using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// The authorization server (oauth.bitrix.info, or an on-premise/emulator one): GET {server}/oauth/token/
    /// with grant_type=authorization_code or refresh_token (settings__oauth__index.md, auto-renewal.md).
    /// Errors come back as the one exception type with the server's code and the next step; the request
    /// URL carries the client secret and is never put into a message.
    /// </summary>
    internal sealed class TokenServerClient
    {
        public const string Method = "oauth/token";
        public static readonly Uri DefaultServer = new Uri("https://oauth.bitrix.info/");

        private readonly Uri server;
        private readonly Func<HttpClient> http;

        public TokenServerClient(Uri? server, Func<HttpClient> http)
        {
            var root = server ?? DefaultServer;
            this.server = root.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? root : new Uri(root.AbsoluteUri + "/");
            this.http = http;
        }

        public Uri Server => server;

        public Task<OAuthTokens> RefreshAsync(string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken)
            => RequestAsync("refresh_token", clientId, clientSecret, "refresh_token", refreshToken, cancellationToken);

        public Task<OAuthTokens> ExchangeCodeAsync(string clientId, string clientSecret, string code, CancellationToken cancellationToken)
            => RequestAsync("authorization_code", clientId, clientSecret, "code", code, cancellationToken);

        private async Task<OAuthTokens> RequestAsync(string grant, string clientId, string clientSecret, string name, string value, CancellationToken cancellationToken)
        {
            var query = "grant_type=" + grant
                + "&client_id=" + Uri.EscapeDataString(clientId)
                + "&client_secret=" + Uri.EscapeDataString(clientSecret)
                + "&" + name + "=" + Uri.EscapeDataString(value);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "oauth/token/?" + query));
            int status;
            byte[] body;
            try
            {
                using var response = await http().SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                // The exception text may quote the URL, and the URL holds the secret: say only where we went.
                throw new B24Exception(B24ErrorCodes.NetworkError, "Could not reach the token server " + server.GetLeftPart(UriPartial.Authority) + " (" + e.GetType().Name + ").", null, Method);
            }
            return Parse(status, body, value, clientSecret);
        }

        private static OAuthTokens Parse(int status, byte[] body, string sentSecret, string clientSecret)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The token server answered HTTP " + status + " with something other than JSON.", status, Method);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && JsonReading.ToText(error) is { Length: > 0 } code)
                {
                    var description = root.TryGetProperty("error_description", out var d) ? JsonReading.ToText(d) ?? "" : "";
                    description = description.Replace(sentSecret, "***").Replace(clientSecret, "***");
                    throw new B24Exception(code, description + " " + OAuthErrors.NextStep(code), status, Method);
                }
                if (status != 200 || root.ValueKind != JsonValueKind.Object)
                    throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The token server answered HTTP " + status + " without tokens.", status, Method);

                var access = Text(root, "access_token");
                var refresh = Text(root, "refresh_token");
                if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
                    throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The token server's answer has no access_token or refresh_token.", status, Method);

                DateTimeOffset? expiresAt = null;
                if (Number(root, "expires") is { } expires)
                    expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
                else if (Number(root, "expires_in") is { } seconds)
                    expiresAt = DateTimeOffset.UtcNow.AddSeconds(seconds);
                var endpoint = Text(root, "client_endpoint");
                return new OAuthTokens(access, refresh!, expiresAt,
                    endpoint is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null,
                    (int)(Number(root, "user_id") ?? 0), Text(root, "member_id"), Text(root, "scope"));
            }
        }

        private static string? Text(JsonElement root, string name)
            => root.TryGetProperty(name, out var value) ? JsonReading.ToText(value) : null;

        private static long? Number(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value))
                return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
                return n;
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : (long?)null;
        }
    }
}
