using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Tests.Unit;

public class ErrorCodesTests
{
    [Theory]
    [InlineData(B24ErrorCodes.NoAuthFound, "webhook")]
    [InlineData(B24ErrorCodes.AccessDenied, "administrator")]
    [InlineData(B24ErrorCodes.QueryLimitExceeded, "RequestsPerSecond")]
    [InlineData(B24ErrorCodes.OperationTimeLimit, "operating_reset_at")]
    [InlineData(B24ErrorCodes.UnexpectedAnswer, "retry")]
    [InlineData(B24ErrorCodes.NetworkError, "network")]
    [InlineData(B24ErrorCodes.Timeout, "60 s")]
    [InlineData(B24ErrorCodes.WrongWorkflowId, "Get-B24Workflow")]
    [InlineData(B24ErrorCodes.BatchHalted, "halt")]
    [InlineData("expired_token", "refresh")]
    [InlineData("EXPIRED_TOKEN", "refresh")]
    public void Known_codes_say_what_to_do(string code, string advice)
        => Assert.Contains(advice, B24ErrorCodes.Hint(code)!, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Unknown_codes_have_no_hint() => Assert.Null(B24ErrorCodes.Hint("SOMETHING_NEW"));

    [Theory]
    [InlineData("ACCESS_DENIED", "Access denied!", 403, "bizproc.workflow.terminate", "bizproc.workflow.terminate: ACCESS_DENIED (HTTP 403) Access denied!")]
    [InlineData("BATCH_HALTED", "Not run.", null, "user.get", "user.get: BATCH_HALTED Not run.")]
    [InlineData("NETWORK_ERROR", "", null, null, "NETWORK_ERROR")]
    [InlineData("0", "Flow not found", 400, "tasks.flow.Flow.get", "tasks.flow.Flow.get: Flow not found (error 0, HTTP 400)")]
    [InlineData("0", "A flow with this name already exists", null, "tasks.flow.Flow.create", "tasks.flow.Flow.create: A flow with this name already exists (error 0)")]
    [InlineData("0", "", 400, null, "0 (HTTP 400)")]
    public void Messages_leave_out_unknown_parts(string code, string description, int? status, string? method, string expected)
        => Assert.Equal(expected, new B24Exception(code, description, status, method).Message);
}
