using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>Issue 12: credentials go over TLS only (plain http:// only to loopback), and TLS certificates are checked.</summary>
public class SecureTransportTests
{
    [Theory]
    [InlineData("http://example.bitrix24.com/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://192.168.1.10/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://10.0.0.1:8080/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://128.0.0.1/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://[2001:db8::1]/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://localhost.example.com/rest/1/" + TestClients.Code + "/")]
    [InlineData("http://127.0.0.1.nip.io/rest/1/" + TestClients.Code + "/")]
    public void A_webhook_over_http_to_a_remote_host_is_refused_with_the_reason(string url)
    {
        var error = Assert.Throws<InsecureTransportException>(() => WebhookCredential.Parse(url));

        Assert.Contains("plain http://", error.Message);
        Assert.Contains("https://", error.Message);
        Assert.Contains("loopback", error.Message);
        Assert.Equal("webhookUrl", error.ParamName);
        TestClients.AssertNoSecret(error.ToString(), "the refusal");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/rest/1/abc/")]
    [InlineData("http://127.1.2.3/rest/1/abc/")]
    [InlineData("http://localhost:5000/rest/1/abc/")]
    [InlineData("http://LOCALHOST/rest/1/abc/")]
    [InlineData("http://[::1]:5000/rest/1/abc/")]
    [InlineData("http://[::ffff:127.0.0.1]/rest/1/abc/")]
    [InlineData("https://example.bitrix24.com/rest/1/abc/")]
    [InlineData("https://192.168.1.10/rest/1/abc/")]
    public void Loopback_http_and_any_https_are_accepted(string url)
        => Assert.Equal(1, WebhookCredential.Parse(url).UserId);

    [Theory]
    [InlineData("http://example.bitrix24.com/", null, "portal")]
    [InlineData("https://example.bitrix24.com/", "http://oauth.example.com/", "tokenServer")]
    [InlineData("http://10.1.1.1/", "http://127.0.0.1/", "portal")]
    public void An_application_over_http_to_a_remote_host_is_refused(string portal, string? tokenServer, string parameter)
    {
        var error = Assert.Throws<InsecureTransportException>(() =>
            OAuthCredential.Create(portal, "local.app", "the-client-secret", "the-refresh-token", tokenServer: tokenServer));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("plain http://", error.Message);
        Assert.DoesNotContain("the-client-secret", error.ToString());
        Assert.DoesNotContain("the-refresh-token", error.ToString());
    }

    [Fact]
    public void A_token_cache_that_names_an_http_portal_is_refused_too()
    {
        var folder = Path.Combine(Path.GetTempPath(), "b24-insecure-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "cache.json");
            var cache = new TokenCache(path);
            // Written as a loopback sign-in, then edited to point elsewhere (or written by an older version).
            OAuthCredential.Create("http://127.0.0.1:1/", "local.app", "the-client-secret", "the-refresh-token", tokenServer: "http://127.0.0.1:1/", cache: cache);
            File.WriteAllText(path, File.ReadAllText(path).Replace("http://127.0.0.1:1/", "http://portal.example.com/"));

            var error = Assert.Throws<InsecureTransportException>(() => OAuthCredential.FromCache(cache));
            Assert.Contains("portal.example.com", error.Message);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task A_certificate_the_system_does_not_trust_fails_the_call_and_nothing_is_answered()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var answered = 0;
        await using var app = builder.Build();
        app.Run(async context =>
        {
            Interlocked.Increment(ref answered);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"result\":[]}");
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;

        using var client = B24Client.FromWebhook("https://127.0.0.1:" + port + "/rest/1/" + TestClients.Code + "/",
            new B24ClientOptions { MaxRetries = 0, RequestsPerSecond = 1000, Burst = 1000 });
        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.NetworkError, error.Code);
        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, answered);
        TestClients.AssertNoSecret(error.ToString(), "the TLS failure");
        await app.StopAsync();
    }
}
