using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Seams;

/// <summary>A flow's create or delete whose answer was lost is read back before deciding: a flow is found by its
/// unique name (isExists), a deleted one is "Flow not found" on a get.</summary>
public class FlowOutcomeTests
{
    private static FlowFields Fields => new() { Name = "Sales", GroupId = 1 };

    [Fact]
    public async Task A_create_whose_flow_is_not_there_is_sent_again_once()
    {
        var handler = MockHandler.Sequence(Responses.Reset, () => Responses.Result("{\"exists\":false}"), () => Responses.Result("{\"id\":7,\"name\":\"Sales\"}"));
        using var client = TestClients.Create(handler);

        var flow = await client.CallAsync(FlowsApi.Create(Fields));

        Assert.Equal(7, flow.Id);
        Assert.Equal([FlowsApi.CreateMethod, FlowsApi.IsExistsMethod, FlowsApi.CreateMethod], handler.Requests.Select(r => r.Method));
        Assert.Equal("Sales", handler.Requests[1].Json.GetProperty("flowData").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_create_whose_flow_exists_is_not_sent_again_and_says_the_id_is_unknown()
    {
        var handler = MockHandler.Sequence(Responses.Reset, () => Responses.Result("{\"exists\":true}"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(FlowsApi.Create(Fields)));

        Assert.Equal(B24ErrorCodes.FlowExistsIdUnknown, error.Code);
        Assert.Contains("'Sales'", error.Message);
        Assert.NotNull(B24ErrorCodes.Hint(error.Code));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_delete_whose_flow_is_not_found_is_done()
    {
        var handler = MockHandler.Sequence(Responses.Reset, () => Responses.Error(400, FlowsApi.ErrorCode, "Flow not found"));
        using var client = TestClients.Create(handler);

        Assert.True(await client.CallAsync(FlowsApi.Delete(7)));
        Assert.Equal([FlowsApi.DeleteMethod, FlowsApi.GetMethod], handler.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_delete_whose_flow_is_still_there_is_sent_again_once()
    {
        var handler = MockHandler.Sequence(Responses.Reset, () => Responses.Result("{\"id\":7,\"name\":\"Sales\"}"), () => Responses.Result("{\"deleted\":true}"));
        using var client = TestClients.Create(handler);

        Assert.True(await client.CallAsync(FlowsApi.Delete(7)));
        Assert.Equal([FlowsApi.DeleteMethod, FlowsApi.GetMethod, FlowsApi.DeleteMethod], handler.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_delete_whose_get_cannot_tell_stays_outcome_unknown()
    {
        // "Access denied or flow not found": not this user's flow, or gone; it cannot tell which.
        var handler = MockHandler.Sequence(Responses.Reset, () => Responses.Error(400, FlowsApi.ErrorCode, "Access denied or flow not found"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync(FlowsApi.Delete(7)));

        Assert.Equal(B24ErrorCodes.OutcomeUnknown, error.Code);
        Assert.Equal(2, handler.Requests.Count);
    }
}
