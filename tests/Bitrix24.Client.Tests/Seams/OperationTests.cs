using System.Net.Http;
using System.Net.Sockets;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Seams;

/// <summary>One operation type, sent alone or batched; the retry classifier by read and write.</summary>
public class OperationTests
{
    private static Func<HttpResponseMessage> Reset => Responses.Reset;
    private static Func<HttpResponseMessage> Refused => () => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static B24Operation<bool> RobotAdd() => B24Operation.Write("bizproc.robot.add", new ParameterSet().Set("CODE", "r1")).ApplicationOnly();

    [Fact]
    public async Task One_operation_goes_alone_or_in_a_batch_with_the_same_wire_parameters()
    {
        var handler = new MockHandler((r, _) => r.Method == "batch"
            ? Responses.Json("{\"result\":{\"result\":{\"c0\":true},\"result_error\":[],\"result_total\":[],\"result_next\":[],\"result_time\":[]}}")
            : Responses.Result("true"));
        using var client = TestClients.Create(handler);
        var terminate = WorkflowsApi.Terminate("66e4.1", "done");

        Assert.True(await client.CallAsync(terminate));
        var batch = await client.BatchAsync(new B24Operation[] { terminate });

        Assert.Equal("{\"ID\":\"66e4.1\",\"STATUS\":\"done\"}", handler.Requests[0].Body);
        Assert.Equal("bizproc.workflow.terminate?ID=66e4.1&STATUS=done", handler.Requests[1].DecodedCommands().Single().Value);
        Assert.True(terminate.ReadResult(batch.Items.Single()));
        Assert.Equal("c0", batch.Items[0].Key);
        Assert.Equal(B24CallKind.Write, terminate.Kind);
        Assert.True(WorkflowsApi.List().IsRead);
    }

    [Fact]
    public async Task A_write_reset_after_sending_is_reported_as_outcome_unknown_and_not_resent()
    {
        var handler = MockHandler.Sequence(Reset, () => Responses.Result("\"66e4.2\""));
        using var client = TestClients.Create(handler);

        // Nothing a read could find a started workflow by: the outcome stays unknown.
        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(WorkflowsApi.Start(1, new Models.DocumentId("crm", "CCrmDocumentLead", "LEAD_1"))));

        Assert.Equal(B24ErrorCodes.OutcomeUnknown, error.Code);
        Assert.Equal(WorkflowsApi.StartMethod, error.Method);
        Assert.Single(handler.Requests);
        TestClients.AssertNoSecret(error.ToString(), "the error");
    }

    [Fact]
    public async Task A_lost_answer_is_read_back_before_deciding_done_when_it_ran()
    {
        // The workflow is gone from the running list: the kill ran.
        var handler = MockHandler.Sequence(Reset, () => Responses.Result("[]", total: 0));
        using var client = TestClients.Create(handler);

        Assert.True(await client.CallAsync(WorkflowsApi.Kill("66e4.1")));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(WorkflowsApi.ListMethod, handler.Requests[1].Method);
        Assert.Equal("66e4.1", handler.Requests[1].Json.GetProperty("FILTER").GetProperty("ID").GetString());
    }

    [Fact]
    public async Task A_lost_answer_is_read_back_before_deciding_sent_again_once_when_it_did_not_run()
    {
        var handler = MockHandler.Sequence(Reset, () => Responses.Result("[{\"ID\":\"66e4.1\"}]", total: 1), Reset);
        using var client = TestClients.Create(handler);

        // Still running: sent again, once; lost again, the outcome is unknown (no third attempt).
        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(WorkflowsApi.Kill("66e4.1")));

        Assert.Equal(B24ErrorCodes.OutcomeUnknown, error.Code);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(WorkflowsApi.KillMethod, handler.Requests[2].Method);
    }

    [Fact]
    public async Task A_write_whose_connection_was_refused_is_sent_again()
    {
        var handler = MockHandler.Sequence(Refused, () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        Assert.True(await client.CallAsync(WorkflowsApi.Kill("66e4.1")));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_reset_and_a_500()
    {
        var handler = MockHandler.Sequence(Reset, () => Responses.Error(500, "INTERNAL_SERVER_ERROR", "oops"), () => Responses.Result("[]", total: 0));
        using var client = TestClients.Create(handler);

        var pages = new List<int>();
        await foreach (var page in client.ListAsync(UsersApi.List()))
            pages.Add(page.Items.Count);

        Assert.Equal(new[] { 0 }, pages);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_write_500_is_not_retried()
    {
        var handler = MockHandler.Sequence(() => Responses.Error(500, "INTERNAL_SERVER_ERROR", "oops"), () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(WorkflowsApi.Kill("66e4.1")));

        Assert.Equal(B24ErrorCodes.InternalServerError, error.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_raw_call_keeps_its_transport_code_and_is_not_retried()
    {
        var handler = MockHandler.Sequence(Reset, () => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("bizproc.workflow.kill"));

        Assert.Equal(B24ErrorCodes.NetworkError, error.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_application_only_operation_is_refused_on_a_webhook_before_sending()
    {
        var handler = MockHandler.Sequence(() => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        var alone = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(RobotAdd()));
        var batch = await client.BatchAsync(new B24Operation[] { RobotAdd(), WorkflowsApi.Kill("66e4.1") });

        Assert.Equal(B24ErrorCodes.ApplicationContextRequired, alone.Code);
        Assert.Equal(B24ErrorCodes.ApplicationContextRequired, batch.Items[0].Error!.Code);
        Assert.Equal("c1", batch.Items[1].Key);
        // Only the kill went out, in one batch.
        Assert.Single(handler.Requests);
        Assert.Equal("bizproc.workflow.kill?ID=66e4.1", handler.Requests[0].DecodedCommands().Single().Value);
    }
}
