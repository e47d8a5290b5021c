using System.Management.Automation;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Portal errors become ErrorRecords scripts can branch on, and the webhook code never leaks.</summary>
public sealed class ErrorTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 5 });

    [Fact]
    public void Non_admin_listing_is_a_non_terminating_ACCESS_DENIED_error()
    {
        var result = Run("""
            Connect-B24 -Url $webhook
            Get-B24Workflow
            'after'
            """, new { webhook = Portal.NonAdminWebhookUrl });

        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(["after"], result.Values);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ACCESS_DENIED,", error.FullyQualifiedErrorId);
        Assert.Equal("ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
    }

    [Fact]
    public void ErrorAction_Stop_makes_the_error_catchable_by_its_id()
    {
        var result = Run("""
            Connect-B24 -Url $webhook
            try {
                Get-B24Workflow -ErrorAction Stop
                'not reached'
            } catch {
                "caught $($_.FullyQualifiedErrorId)"
                $_.Exception.GetType().Name
            }
            """, new { webhook = Portal.NonAdminWebhookUrl });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["caught ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand", "B24Exception"], result.Values);
    }

    [Fact]
    public void Wrong_webhook_code_fails_Connect_with_NO_AUTH_FOUND()
    {
        var wrong = Portal.WebhookUrl.Replace(CodeOf(Portal.WebhookUrl), "wrongcode0000000");
        var result = Run("Connect-B24 -Url $webhook", new { webhook = wrong });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NO_AUTH_FOUND,", error.FullyQualifiedErrorId);
        Assert.Equal("NO_AUTH_FOUND,Bitrix24.PowerShell.Commands.ConnectB24Command", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.DoesNotContain("wrongcode0000000", result.AllText());
    }

    [Fact]
    public void Failed_Connect_is_terminating_and_leaves_no_connection_to_the_previous_portal()
    {
        var wrong = Portal.WebhookUrl.Replace(CodeOf(Portal.WebhookUrl), "wrongcode0000000");
        var result = Run("""
            $old = Connect-B24 -Url $webhook -PassThru
            try { Connect-B24 -Url $wrong; 'not thrown' } catch { $_.FullyQualifiedErrorId }
            try { Connect-B24 -Url 'https://example.bitrix24.com/rest/x/'; 'not thrown' } catch { $_.FullyQualifiedErrorId }
            # The next command fails instead of silently using the old portal...
            try { $null = Get-B24Workflow -First 1; 'not thrown' } catch { $_.FullyQualifiedErrorId }
            # ...which stays usable where it is named.
            @(Get-B24Workflow -First 1 -Connection $old).Count
            """, new { webhook = Portal.WebhookUrl, wrong });

        Assert.Empty(result.Errors);
        Assert.Equal(
            new object[] { "NO_AUTH_FOUND,Bitrix24.PowerShell.Commands.ConnectB24Command", "INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.ConnectB24Command",
                "NotConnected,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand", 1 },
            result.Output.Select(o => o.BaseObject).ToArray());
        Assert.DoesNotContain("wrongcode0000000", result.AllText());
    }

    [Fact]
    public void Webhook_code_never_appears_in_any_stream()
    {
        var code = CodeOf(Portal.WebhookUrl);
        var result = Run("""
            $c = Connect-B24 -Url $webhook -RequestsPerSecond 1000 -Burst 1000 -PassThru -Verbose
            $c
            "$c"
            Get-B24Connection
            Get-B24Workflow -First 2 -Verbose
            Stop-B24Workflow -Id 'ffffffffffffff.00000000' -Confirm:$false -Verbose
            Invoke-B24Method no.such.method -Verbose
            Invoke-B24Batch @{ a = 'user.get?ID=1'; b = 'no.such.method' } -Verbose
            Connect-B24 -Url ($webhook + 'x') -Verbose
            """, verbose: true);

        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Errors);
        var text = result.AllText();
        Assert.Contains("***", text);
        Assert.DoesNotContain(code, text);
        Assert.All(result.Errors, e => Assert.DoesNotContain(code, e.ToString() + e.Exception + e.ErrorDetails?.Message + e.TargetObject));
    }

    [Fact]
    public void Unknown_method_is_ERROR_METHOD_NOT_FOUND_with_the_method_as_target()
    {
        var result = Run(Connect + "Invoke-B24Method no.such.method");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ERROR_METHOD_NOT_FOUND,Bitrix24.PowerShell.Commands.InvokeB24MethodCommand", error.FullyQualifiedErrorId);
        Assert.Equal("no.such.method", error.TargetObject);
    }
}
