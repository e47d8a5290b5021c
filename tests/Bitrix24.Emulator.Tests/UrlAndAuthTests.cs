using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

public sealed class UrlAndAuthTests : EmulatorTestBase
{
    [Theory]
    [InlineData("user.get")]
    [InlineData("USER.GET")]
    [InlineData("user.get.json")]
    [InlineData("User.Get.JSON/")]
    [InlineData("user.get/")]
    public async Task MethodNamesMatchInAnyCaseWithOptionalJsonSuffixAndSlash(string method)
    {
        var response = await PostJsonAsync(Admin(method), new { ID = 2 });

        Assert.Equal(200, response.Status);
        Assert.Equal("2", (string?)Assert.Single(response.Rows)!["ID"]);
    }

    [Fact]
    public async Task WrongWebhookCodeIsNoAuthFound()
    {
        var url = Server.WebhookUrl.Replace("/rest/1/", "/rest/1/x", StringComparison.Ordinal) + "user.get";

        AssertError(await PostJsonAsync(url, null), 401, "NO_AUTH_FOUND", "Wrong authorization data");
    }

    [Fact]
    public async Task AnotherUsersCodeDoesNotAuthenticate()
    {
        var url = Server.WebhookUrl.Replace("/rest/1/", "/rest/2/", StringComparison.Ordinal) + "user.get";

        AssertError(await PostJsonAsync(url, null), 401, "NO_AUTH_FOUND");
    }

    [Fact]
    public async Task ApplicationFormWithoutTokenIsNoAuthFound()
        => AssertError(await PostJsonAsync(new Uri(Server.BaseUrl, "rest/user.get").ToString(), null), 401, "NO_AUTH_FOUND");

    [Fact]
    public async Task UnknownMethodIsMethodNotFound()
        => AssertError(await PostJsonAsync(Admin("crm.nothing.here"), null), 404, "ERROR_METHOD_NOT_FOUND");

    [Theory]
    [InlineData("bizproc.workflow.instances")]
    [InlineData("bizproc.workflow.instance.list")]
    [InlineData("bizproc.workflow.template.list")]
    [InlineData("bizproc.workflow.start")]
    [InlineData("bizproc.workflow.terminate")]
    [InlineData("bizproc.workflow.kill")]
    public async Task BizprocMethodsAreForAdministratorsOnly(string method)
        => AssertError(await PostJsonAsync(NonAdmin(method), new { ID = "x" }), 403, "ACCESS_DENIED", "Access denied!");

    [Fact]
    public async Task NonAdministratorMayReadUsers()
    {
        var response = await PostJsonAsync(NonAdmin("user.current"), null);

        Assert.Equal(200, response.Status);
        Assert.Equal("2", (string?)response.Result["ID"]);
    }

    [Fact]
    public async Task WebhookCodesAreLongRandomAndPerInstance()
    {
        await using var other = await EmulatorServer.StartAsync(Options);

        var code = Server.WebhookUrl.TrimEnd('/').Split('/')[^1];
        Assert.Matches("^[a-z0-9]{16,}$", code);
        Assert.NotEqual(code, other.WebhookUrl.TrimEnd('/').Split('/')[^1]);
        Assert.NotEqual(code, Server.NonAdminWebhookUrl.TrimEnd('/').Split('/')[^1]);
        Assert.StartsWith("http://127.0.0.1:", Server.WebhookUrl);
    }
}
