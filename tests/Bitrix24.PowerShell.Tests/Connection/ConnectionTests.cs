using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Connect-B24 / Get-B24Connection / -Connection: per-runspace current connection, masked display.</summary>
public sealed class ConnectionTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 3 });

    [Fact]
    public void Get_connection_shows_portal_user_and_a_masked_endpoint()
    {
        var result = Run(Connect + """
            $c = Get-B24Connection
            $c.GetType().FullName
            "$($c.Portal)"
            $c.UserId
            $c.AuthType
            $c.Endpoint
            "$c"
            """);

        Assert.True(result.Succeeded, result.ToString());
        var values = result.Values.ToList();
        Assert.Equal("Bitrix24.Client.B24Client", values[0]);
        Assert.Equal(Portal.BaseUrl.ToString(), values[1]);
        Assert.Equal(1, values[2]);
        Assert.Equal("Webhook", values[3]);
        Assert.Equal(Portal.BaseUrl + "rest/1/***/", values[4]);
        Assert.Equal(values[4], values[5]);
        Assert.DoesNotContain(CodeOf(Portal.WebhookUrl), result.AllText());
    }

    [Fact]
    public void Connect_checks_the_webhook_with_one_user_get_and_PassThru_writes_the_client()
    {
        var result = Run("Connect-B24 -Url $webhook -PassThru");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("Bitrix24.Client.B24Client", Assert.Single(result.Output).BaseObject.GetType().FullName);
        Assert.Equal(1, Portal.GetStats().TotalRequests);
        Assert.Equal(1, Calls("user.get"));
    }

    [Fact]
    public void Connect_takes_the_webhook_as_a_SecureString()
    {
        var result = Run("""
            $secure = [System.Net.NetworkCredential]::new('', $webhook).SecurePassword
            Connect-B24 -Webhook $secure -RequestsPerSecond 5 -Burst 10 -MaxRetries 1
            (Get-B24Connection).Endpoint
            (Get-B24Connection).GetOptions().Burst
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([Portal.BaseUrl + "rest/1/***/", 10], result.Values);
    }

    [Fact]
    public void Connect_rejects_a_malformed_url_without_a_request()
    {
        var result = Run("Connect-B24 -Url 'https://example.com/not-a-webhook'");

        var error = Assert.Single(result.Errors);
        Assert.Equal("INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.ConnectB24Command", error.FullyQualifiedErrorId);
        Assert.Equal(0, Portal.GetStats().TotalRequests);
    }

    [Fact]
    public async Task Connection_parameter_targets_a_second_portal_while_another_is_current()
    {
        await using var second = await EmulatorServer.StartAsync(Fast(new EmulatorOptions { SeedWorkflows = 7 }));
        var result = Run("""
            $other = Connect-B24 -Url $secondWebhook -PassThru
            Connect-B24 -Url $webhook
            @(Get-B24Workflow).Count
            @(Get-B24Workflow -Connection $other).Count
            (Get-B24Connection).Portal -eq $other.Portal
            """, new { secondWebhook = second.WebhookUrl });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([3, 7, false], result.Values);
    }

    [Fact]
    public void Runspaces_do_not_share_their_current_connection()
    {
        using var first = new Bitrix24.ScriptHost.PowerShellRunner();
        using var second = new Bitrix24.ScriptHost.PowerShellRunner();
        var vars = new Dictionary<string, object?> { ["webhook"] = Portal.WebhookUrl };

        Assert.True(first.Run(Connect, vars).Succeeded);
        var probe = second.Run("try { Get-B24Connection -ErrorAction Stop; 'connected' } catch { 'separate' }");

        // B24_WEBHOOK_URL is only ever set by EnvironmentTests, which never run alongside this class.
        Assert.Equal(["separate"], probe.Values);
        Assert.Equal(["connected"], first.Run("if (Get-B24Connection) { 'connected' }").Values);
    }

    [Fact]
    public void Disconnect_disposes_the_given_connection()
    {
        var result = Run("""
            $c = Connect-B24 -Url $webhook -PassThru
            Disconnect-B24 -Connection $c
            try { Get-B24Workflow -Connection $c -ErrorAction Stop } catch { 'unusable after disconnect' }
            """);

        Assert.Equal(["unusable after disconnect"], result.Values);
    }
}
