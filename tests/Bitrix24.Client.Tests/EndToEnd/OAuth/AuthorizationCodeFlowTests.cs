using System.Net;
using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Tests.EndToEnd.OAuth;

/// <summary>The interactive flow's engine against the emulator: the authorize page redirects with code and
/// state to the application's registered address, the loopback receiver takes it, the code is exchanged once.
/// A test plays the browser with a client that does not follow redirects.</summary>
public sealed class AuthorizationCodeFlowTests : EmulatorClientTestBase, IDisposable
{
    private static readonly HttpClient Browser = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string folder = Directory.CreateTempSubdirectory("b24-authcode-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<Uri> AuthorizeAsync(Uri authorizeUri)
    {
        using var response = await Browser.GetAsync(authorizeUri);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!;
    }

    [Fact]
    public async Task The_authorize_redirect_reaches_the_receiver_and_its_code_signs_in()
    {
        using var receiver = LoopbackRedirectReceiver.Start();
        var app = Server.OAuth.RegisterApp(redirectUri: receiver.RedirectUri.AbsoluteUri);
        var state = OAuthCredential.NewState();
        var authorize = OAuthCredential.AuthorizeUri(Server.BaseUrl.ToString(), app.App.ClientId, state, receiver.RedirectUri);
        Assert.DoesNotContain(app.App.ClientSecret, authorize.AbsoluteUri, StringComparison.Ordinal);

        var waiting = receiver.WaitAsync(state, CancellationToken.None);
        using (var favicon = await Browser.GetAsync(new Uri(receiver.RedirectUri, "favicon.ico")))
            Assert.Equal(HttpStatusCode.NotFound, favicon.StatusCode); // not the redirect: the wait goes on
        var location = await AuthorizeAsync(authorize);
        Assert.StartsWith(receiver.RedirectUri.AbsoluteUri, location.AbsoluteUri, StringComparison.Ordinal);
        using (var page = await Browser.GetAsync(location))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("close this window", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var redirect = await waiting;

        Assert.True(redirect.StateMatched);
        var cache = new TokenCache(Path.Combine(folder, "tokens.json"));
        var credential = await OAuthCredential.FromAuthorizationCodeAsync(Server.BaseUrl.ToString(), app.App.ClientId, app.App.ClientSecret,
            redirect.Code!, Server.BaseUrl.ToString(), cache);
        using var client = new B24Client(credential, ClientOptions);
        var user = await client.CallAsync("user.current");
        Assert.Equal("1", user.Result.GetProperty("ID").GetString());
        Assert.Equal(1, Server.OAuth.CodeGrants);
        Assert.NotNull(cache.Read()!.Tokens.AccessToken);

        // A code works once.
        var again = await Assert.ThrowsAsync<B24Exception>(() => OAuthCredential.FromAuthorizationCodeAsync(Server.BaseUrl.ToString(),
            app.App.ClientId, app.App.ClientSecret, redirect.Code!, Server.BaseUrl.ToString()));
        Assert.Equal(B24ErrorCodes.InvalidGrant, again.Code);
    }

    [Fact]
    public async Task A_redirect_with_another_state_ends_the_wait_as_a_mismatch_and_keeps_no_code()
    {
        using var receiver = LoopbackRedirectReceiver.Start();
        var waiting = receiver.WaitAsync("expected-state", CancellationToken.None);

        using (var page = await Browser.GetAsync(new Uri(receiver.RedirectUri, "?code=abc&state=forged")))
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var redirect = await waiting;

        Assert.False(redirect.StateMatched);
        Assert.Null(redirect.Code);
    }

    [Fact]
    public async Task An_error_redirect_carries_its_code()
    {
        using var receiver = LoopbackRedirectReceiver.Start();
        var waiting = receiver.WaitAsync("s1", CancellationToken.None);

        (await Browser.GetAsync(new Uri(receiver.RedirectUri, "?error=access_denied&error_description=User+declined&state=s1"))).Dispose();
        var redirect = await waiting;

        Assert.Equal("access_denied", redirect.Error);
        Assert.Equal("User declined", redirect.ErrorDescription);
        Assert.Null(redirect.Code);
    }

    [Fact]
    public async Task Cancelling_the_wait_frees_the_port()
    {
        var receiver = LoopbackRedirectReceiver.Start();
        using var cancel = new CancellationTokenSource();
        var waiting = receiver.WaitAsync("s", cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        using var again = LoopbackRedirectReceiver.Start(receiver.Port); // the same port binds again
        Assert.Equal(receiver.Port, again.Port);
    }

    [Fact]
    public async Task A_port_in_use_is_an_invalid_argument_naming_it()
    {
        using var first = LoopbackRedirectReceiver.Start();

        var error = Assert.Throws<B24Exception>(() => LoopbackRedirectReceiver.Start(first.Port));

        Assert.Equal(B24ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(":" + first.Port, error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("https://evil.example/")]
    public async Task The_portal_refuses_a_redirect_address_other_than_the_registered_one(string other)
    {
        var app = Server.OAuth.RegisterApp(redirectUri: "http://127.0.0.1:8400/");

        using var response = await Browser.GetAsync(OAuthCredential.AuthorizeUri(Server.BaseUrl.ToString(), app.App.ClientId, "s", new Uri(other)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("does not match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redirect_uri_the_portal_uses_the_registered_address()
    {
        var app = Server.OAuth.RegisterApp(redirectUri: "http://127.0.0.1:8400/cb");

        var location = await AuthorizeAsync(OAuthCredential.AuthorizeUri(Server.BaseUrl.ToString(), app.App.ClientId, "s 1"));

        Assert.Equal("http://127.0.0.1:8400/cb", location.GetLeftPart(UriPartial.Path));
        Assert.Contains("state=s%201", location.Query, StringComparison.Ordinal);
        Assert.Contains("code=", location.Query, StringComparison.Ordinal);
    }
}
