using Bitrix24.Client.Auth;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class WebhookCredentialTests
{
    [Theory]
    [InlineData("https://example.bitrix24.com/rest/1/abc123def456/", "https://example.bitrix24.com/", 1)]
    [InlineData("https://example.bitrix24.com/rest/7/abc123def456", "https://example.bitrix24.com/", 7)]
    [InlineData("  http://127.0.0.1:5123/rest/2/abc123def456/  ", "http://127.0.0.1:5123/", 2)]
    [InlineData("https://intranet.example.com/crm/portal/rest/15/abc123def456/", "https://intranet.example.com/crm/portal/", 15)]
    public void Parses_portal_and_user(string url, string portal, int userId)
    {
        var credential = WebhookCredential.Parse(url);

        Assert.Equal(new Uri(portal), credential.Portal);
        Assert.Equal(userId, credential.UserId);
        Assert.Equal("abc123def456", credential.Code);
        Assert.Equal(portal + "rest/" + userId + "/***/", credential.MaskedUrl);
    }

    [Fact]
    public void Masks_the_code_everywhere_it_is_shown()
    {
        var credential = WebhookCredential.Parse(TestClients.WebhookUrl);
        using var client = new B24Client(credential);

        Assert.Equal("https://example.bitrix24.com/rest/1/***/", credential.ToString());
        Assert.Equal(credential.MaskedUrl, client.Endpoint);
        Assert.Equal(credential.MaskedUrl, client.ToString());
        Assert.Equal("Webhook", client.AuthType);
        Assert.Equal(1, client.UserId);
    }

    [Fact]
    public void Builds_the_method_url_with_the_code()
    {
        var credential = WebhookCredential.Parse("https://host.example/sub/rest/3/abc123def456/");

        Assert.Equal("https://host.example/sub/rest/3/abc123def456/user.get", credential.MethodUri("user.get").AbsoluteUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("example.bitrix24.com/rest/1/" + TestClients.Code + "/", "absolute")]
    [InlineData("ftp://example.bitrix24.com/rest/1/" + TestClients.Code + "/", "https://")]
    [InlineData("https://example.bitrix24.com/" + TestClients.Code + "/", "/rest/")]
    [InlineData("https://example.bitrix24.com/rest/1/", "/rest/")]
    [InlineData("https://example.bitrix24.com/rest/1/" + TestClients.Code + "/profile/", "after the code")]
    [InlineData("https://example.bitrix24.com/rest/admin/" + TestClients.Code + "/", "user id")]
    [InlineData("https://example.bitrix24.com/rest/0/" + TestClients.Code + "/", "user id")]
    [InlineData("https://example.bitrix24.com/rest/1/" + TestClients.Code + "/?x=1", "query")]
    [InlineData("https://example.bitrix24.com/rest/1/" + TestClients.Code + "%21/", "letters, digits")]
    [InlineData("https://me:" + TestClients.Code + "@example.bitrix24.com/rest/1/" + TestClients.Code + "/", "user name")]
    public void Rejects_bad_urls_with_a_reason_that_never_repeats_the_code(string url, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => WebhookCredential.Parse(url));

        Assert.Contains(reason, error.Message);
        TestClients.AssertNoSecret(error.Message, "the validation message");
        TestClients.AssertNoSecret(error.ToString(), "the exception text");
    }

    [Fact]
    public void From_webhook_rejects_a_bad_url_too()
        => Assert.Throws<ArgumentException>(() => B24Client.FromWebhook("not a url"));
}
