using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>The cache file's JSON (version 1). Protection (DPAPI on Windows) wraps these bytes.</summary>
    internal static class TokenCacheFormat
    {
        private const int Version = 1;

        public static byte[] Write(TokenCacheEntry entry)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("version", Version);
                json.WriteString("portal", entry.Portal.AbsoluteUri);
                json.WriteString("clientId", entry.ClientId);
                json.WriteString("clientSecret", entry.ClientSecret);
                json.WriteString("tokenServer", entry.TokenServer.AbsoluteUri);
                var t = entry.Tokens;
                if (t.AccessToken is not null)
                    json.WriteString("accessToken", t.AccessToken);
                json.WriteString("refreshToken", t.RefreshToken);
                if (t.ExpiresAt is { } expires)
                    json.WriteNumber("expires", expires.ToUnixTimeSeconds());
                if (t.ClientEndpoint is not null)
                    json.WriteString("clientEndpoint", t.ClientEndpoint.AbsoluteUri);
                json.WriteNumber("userId", t.UserId);
                if (t.MemberId is not null)
                    json.WriteString("memberId", t.MemberId);
                if (t.Scope is not null)
                    json.WriteString("scope", t.Scope);
                json.WriteString("updated", DateTimeOffset.UtcNow.ToString("o"));
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        /// <summary>Throws TOKEN_CACHE_CORRUPT (never quoting the content: it holds secrets).</summary>
        public static TokenCacheEntry Read(byte[] bytes, string path)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.GetInt32() != Version)
                    throw Corrupt(path, "it is not a version " + Version + " token cache");
                var portal = new Uri(Required(root, "portal", path));
                var expires = root.TryGetProperty("expires", out var e) ? DateTimeOffset.FromUnixTimeSeconds(e.GetInt64()) : (DateTimeOffset?)null;
                var endpoint = Optional(root, "clientEndpoint");
                var tokens = new OAuthTokens(Optional(root, "accessToken"), Required(root, "refreshToken", path), expires,
                    endpoint is null ? null : new Uri(endpoint), root.TryGetProperty("userId", out var u) ? u.GetInt32() : 0,
                    Optional(root, "memberId"), Optional(root, "scope"));
                return new TokenCacheEntry(portal, Required(root, "clientId", path), Required(root, "clientSecret", path),
                    new Uri(Required(root, "tokenServer", path)), tokens);
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException || ex is UriFormatException)
            {
                throw Corrupt(path, "it cannot be read as JSON with the expected fields");
            }
        }

        public static B24Exception Corrupt(string path, string why)
            => new B24Exception(B24ErrorCodes.TokenCacheCorrupt, "The token cache " + path + " is damaged (" + why + "). Delete it, then "
                + char.ToLowerInvariant(OAuthErrors.SignInAgain[0]) + OAuthErrors.SignInAgain.Substring(1));

        private static string Required(JsonElement root, string name, string path)
            => Optional(root, name) is { Length: > 0 } value ? value : throw Corrupt(path, "'" + name + "' is missing");

        private static string? Optional(JsonElement root, string name)
            => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
