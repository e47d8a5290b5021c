using System.Net.Http;
using System.Text;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Tests.EndToEnd;

/// <summary>tasks.flow.Flow.create sent alone, its connection reset by the emulator after or before it ran: the
/// client reads by name before deciding, and the flow exists once.</summary>
public class FlowLostAnswerTests : EmulatorClientTestBase
{
    private async Task FaultAsync(string when)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        var rule = "{\"method\":\"tasks.flow.Flow.create\",\"when\":\"" + when + "\",\"kind\":\"reset\"}";
        using var response = await http.PostAsync("/emulator/faults", new StringContent(rule, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode);
    }

    private static FlowFields Fields => new() { Name = "Lost", PlannedCompletionTime = 3600, DistributionType = "manually", ResponsibleList = [["user", "1"]] };

    [Fact]
    public async Task A_create_reset_after_it_ran_is_not_sent_again_and_says_the_id_is_unknown()
    {
        await FaultAsync("after");

        var error = await Assert.ThrowsAsync<B24Exception>(() => Client.CallAsync(FlowsApi.Create(Fields)));

        Assert.Equal(B24ErrorCodes.FlowExistsIdUnknown, error.Code);
        Assert.Equal(1, Server.GetStats().FaultsFired);
        Assert.Equal(1, Server.GetStats().CallsByMethod["tasks.flow.flow.create"]);
        Assert.Single(Server.Portal.FlowIds());
    }

    [Fact]
    public async Task A_create_reset_before_it_ran_is_sent_again_once()
    {
        await FaultAsync("before");

        var flow = await Client.CallAsync(FlowsApi.Create(Fields));

        Assert.Equal("Lost", flow.Name);
        Assert.Equal(1, Server.GetStats().FaultsFired);
        Assert.Equal(1, Server.GetStats().WritesByMethod["tasks.flow.flow.create"]);
        Assert.Equal([flow.Id], Server.Portal.FlowIds());
    }
}
