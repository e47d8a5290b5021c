using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Emulator.Areas.OAuth;

namespace Bitrix24.Client.Tests.EndToEnd.OAuth;

/// <summary>OAuth sign-in against the emulator's token server: the auth parameter, one shared refresh after
/// 401 expired_token, rotation persisted to the token cache, documented token-server errors.</summary>
public sealed class OAuthEndToEndTests : EmulatorClientTestBase, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("b24-oauth-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string CachePath => Path.Combine(folder, "tokens", "portal.json");

    private B24Client ConnectApp(OAuthAppRegistration app, TokenCache? cache = null)
    {
        var credential = OAuthCredential.Create(Server.BaseUrl.ToString(), app.App.ClientId, app.App.ClientSecret, app.RefreshToken,
            tokenServer: Server.BaseUrl.ToString(), cache: cache);
        var options = ClientOptions;
        options.Log = Log.Enqueue;
        return new B24Client(credential, options);
    }

    [Fact]
    public async Task A_call_signs_in_with_the_refresh_token_and_runs_in_application_context()
    {
        var app = Server.OAuth.RegisterApp();
        using var client = ConnectApp(app);

        var response = await client.CallAsync("user.get", new Dictionary<string, object?> { ["FILTER"] = new Dictionary<string, object?> { ["ID"] = 1 } });

        Assert.Equal(1, response.Result.GetArrayLength());
        Assert.Equal(1, Server.OAuth.RefreshGrants); // no access token was given: one refresh before the first call
        Assert.Equal("OAuth", client.AuthType);
        Assert.True(client.IsApplicationContext);
        Assert.Equal(1, client.UserId);
    }

    [Fact]
    public async Task Token_expiring_in_the_middle_of_a_500_item_batch_run_costs_one_refresh_and_every_item_succeeds()
    {
        var app = Server.OAuth.RegisterApp();
        var cache = new TokenCache(CachePath);
        using var client = ConnectApp(app, cache);
        await client.CallAsync("user.get"); // signed in (first refresh)
        var before = Server.OAuth.RefreshGrants;
        var firstCached = cache.Read()!.Tokens.RefreshToken;

        Server.OAuth.ExpireAfter(4); // the 5th of 10 batch requests meets an expired token
        var commands = Enumerable.Range(0, 500).Select(i => new B24BatchCommand("c" + i, "user.get",
            new Dictionary<string, object?> { ["FILTER"] = new Dictionary<string, object?> { ["ID"] = 1 } })).ToList();
        var result = await client.BatchAsync(commands);

        Assert.Equal(500, result.Items.Count);
        Assert.All(result.Items, item => Assert.True(item.Succeeded, item.Error?.Code));
        Assert.Equal(1, Server.OAuth.RefreshGrants - before);
        Assert.Equal(1, Server.OAuth.RefreshRequests - before);
        var cached = cache.Read()!;
        Assert.NotEqual(firstCached, cached.Tokens.RefreshToken); // the rotated token is what the cache holds
        Assert.NotNull(cached.Tokens.AccessToken);
    }

    [Fact]
    public async Task Concurrent_callers_that_meet_one_expiry_share_one_refresh()
    {
        var app = Server.OAuth.RegisterApp();
        using var client = ConnectApp(app);
        await client.CallAsync("user.get");
        var before = Server.OAuth.RefreshGrants;

        Server.OAuth.ExpireAccessTokens();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.CallAsync("user.get")));

        Assert.Equal(1, Server.OAuth.RefreshGrants - before);
        Assert.Equal(before + 1, client.GetOAuth()!.RefreshCount);
    }

    [Fact]
    public async Task A_second_connection_signs_in_from_the_cache_alone_and_takes_a_rotation_it_finds_there()
    {
        var app = Server.OAuth.RegisterApp();
        var cache = new TokenCache(CachePath);
        using (var first = ConnectApp(app, cache))
            await first.CallAsync("user.get");

        using var second = new B24Client(OAuthCredential.FromCache(new TokenCache(CachePath), Server.BaseUrl.ToString()), ClientOptions);
        using var third = new B24Client(OAuthCredential.FromCache(new TokenCache(CachePath)), ClientOptions);
        var grants = Server.OAuth.RefreshGrants;
        await second.CallAsync("user.get"); // the cached access token still works: no refresh
        Assert.Equal(grants, Server.OAuth.RefreshGrants);

        Server.OAuth.ExpireAccessTokens();
        await second.CallAsync("user.get"); // rotates
        await third.CallAsync("user.get");  // its refresh token is spent: it must take the rotation from the cache
        Assert.Equal(grants + 1, Server.OAuth.RefreshGrants);
        await second.CallAsync("user.get");
        Assert.Equal(grants + 1, Server.OAuth.RefreshGrants);
    }

    [Fact]
    public async Task A_spent_refresh_token_is_invalid_grant_with_the_next_step_and_no_secret()
    {
        var app = Server.OAuth.RegisterApp();
        using (var first = ConnectApp(app))
            await first.CallAsync("user.get");
        using var stale = ConnectApp(app);

        var error = await Assert.ThrowsAsync<B24Exception>(() => stale.CallAsync("user.get"));

        Assert.Equal("invalid_grant", error.Code);
        Assert.Contains("Connect-B24", error.Message);
        AssertNoSecret(error.ToString(), app);
        foreach (var line in Log)
            AssertNoSecret(line, app);
    }

    [Fact]
    public async Task Wrong_secret_is_invalid_client_and_unpaid_app_is_payment_required()
    {
        var app = Server.OAuth.RegisterApp();
        var wrong = new OAuthAppRegistration(app.App with { ClientSecret = "not-the-secret" }, app.RefreshToken);
        using (var client = ConnectApp(wrong))
            Assert.Equal("invalid_client", (await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"))).Code);

        Server.OAuth.SetUnpaid(app.App.ClientId);
        using (var client = ConnectApp(app))
        {
            var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));
            Assert.Equal("PAYMENT_REQUIRED", error.Code);
            AssertNoSecret(error.ToString(), app);
        }
    }

    [Fact]
    public void Cache_file_is_mode_600_from_creation_and_a_widened_or_corrupt_one_is_refused()
    {
        if (OperatingSystem.IsWindows())
            return; // DPAPI protects the file there; modes are a Unix matter
        var app = Server.OAuth.RegisterApp();
        var cache = new TokenCache(CachePath);
        using (ConnectApp(app, cache)) { }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CachePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(CachePath)!, "*.tmp"));

        File.SetUnixFileMode(CachePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Equal(B24ErrorCodes.TokenCacheInsecure, Assert.Throws<B24Exception>(() => cache.Read()).Code);

        File.SetUnixFileMode(CachePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(CachePath, "{ not json");
        var corrupt = Assert.Throws<B24Exception>(() => OAuthCredential.FromCache(cache));
        Assert.Equal(B24ErrorCodes.TokenCacheCorrupt, corrupt.Code);
        Assert.Contains("Connect-B24", corrupt.Message);

        var missing = Assert.Throws<B24Exception>(() => OAuthCredential.FromCache(new TokenCache(Path.Combine(folder, "none.json"))));
        Assert.Equal(B24ErrorCodes.TokenCacheMissing, missing.Code);
    }

    [Fact]
    public void Nothing_shown_for_the_connection_contains_a_secret()
    {
        var app = Server.OAuth.RegisterApp();
        using var client = ConnectApp(app, new TokenCache(CachePath));
        AssertNoSecret(client.ToString() + client.Endpoint + client.GetOAuth() + client.TokenCachePath, app);
    }

    private static void AssertNoSecret(string? text, OAuthAppRegistration app)
    {
        Assert.True(text is null || !text.Contains(app.App.ClientSecret, StringComparison.Ordinal), "text contains the client secret");
        Assert.True(text is null || !text.Contains(app.RefreshToken, StringComparison.Ordinal), "text contains the refresh token");
    }
}
