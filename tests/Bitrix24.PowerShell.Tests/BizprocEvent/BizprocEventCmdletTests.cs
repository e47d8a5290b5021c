using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Send-B24BizprocEvent and Write-B24WorkflowLog in process, signed in as an application: what the
/// waiting run receives, handler payloads binding by property name, errors, and no token in -WhatIf text.</summary>
public sealed class BizprocEventCmdletTests(ITestOutputHelper log) : AppPortalTest(log)
{
    private string WaitingRun()
    {
        RunOk(ConnectApp + "Register-B24Robot -Code send_sms -Name SMS -Handler https://app.example.com/sms -ReturnProperties @{ status = @{ Name = 'Status'; Type = 'string' } }", AppVariables());
        return Portal.Portal.IssueEventToken(App.App.ClientId, "send_sms");
    }

    [Fact]
    public void A_handler_payload_logs_then_returns_values()
    {
        var token = WaitingRun();
        RunOk(ConnectApp + """
            $payload = [pscustomobject]@{ event_token = $file; code = 'send_sms' }   # what the handler received
            $payload | Write-B24WorkflowLog -Message 'Sending the SMS'
            $payload | Send-B24BizprocEvent -ReturnValues @{ status = 'sent' } -LogMessage 'Done'
            """, AppVariables(file: token));

        var run = Portal.Portal.AppActivityEvent(token)!.Value;
        Assert.True(run.Completed);
        Assert.Equal("""{"status":"sent"}""", run.ReturnValues);
        Assert.Equal(["Sending the SMS", "Done"], run.Log);
        Assert.Equal(1, Calls("bizproc.event.send"));
    }

    [Fact]
    public void A_spent_token_is_ACCESS_DENIED_and_WhatIf_sends_nothing_nor_shows_the_token()
    {
        var token = WaitingRun();
        var preview = Run(ConnectApp + "Send-B24BizprocEvent -EventToken $file -WhatIf -Verbose", AppVariables(file: token));
        Assert.True(preview.Succeeded, preview.ToString());
        Assert.DoesNotContain(token, preview.AllText(), StringComparison.Ordinal);
        Assert.Equal(0, Calls("bizproc.event.send"));

        var result = Run(ConnectApp + "Send-B24BizprocEvent $file @{ status = 'ok' }\nSend-B24BizprocEvent $file", AppVariables(file: token));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ACCESS_DENIED,Bitrix24.PowerShell.Commands.SendB24BizprocEventCommand", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(token, result.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Send-B24BizprocEvent -EventToken x -ReturnValues @{ '1st' = 1 }", "INVALID_ARGUMENT", "cannot be a return value's name")]
    [InlineData("Write-B24WorkflowLog -EventToken x -Message ' '", "INVALID_ARGUMENT", "log message is empty")]
    public void Bad_input_is_refused_before_sending(string command, string code, string message)
    {
        var result = Run(ConnectApp + command, AppVariables());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(code + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Calls("bizproc.event.send") + Calls("bizproc.activity.log"));
    }

    [Fact]
    public void A_webhook_connection_is_refused_before_sending()
    {
        foreach (var command in new[] { "Send-B24BizprocEvent -EventToken x", "Write-B24WorkflowLog -EventToken x -Message m" })
        {
            var result = Run(Connect + command);
            Assert.StartsWith("APPLICATION_CONTEXT_REQUIRED,", (result.TerminatingRecord ?? Assert.Single(result.Errors)).FullyQualifiedErrorId, StringComparison.Ordinal);
        }
        Assert.Equal(0, Calls("bizproc.event.send") + Calls("bizproc.activity.log"));
    }
}
