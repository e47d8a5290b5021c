using System.Collections;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.EndToEnd;

public class CallTests : EmulatorClientTestBase
{
    [Fact]
    public async Task The_webhook_can_read_its_own_user()
    {
        var users = await Items(Client.ListAsync(UsersApi.List(new UserQuery { Id = Client.UserId })));

        var user = Assert.Single(users);
        Assert.Equal(1, user.Id);
        Assert.True(user.Active);
        Assert.False(string.IsNullOrEmpty(user.Name));
    }

    [Fact]
    public async Task A_wrong_code_is_no_auth_found_and_never_shown()
    {
        var wrong = Server.WebhookUrl.Replace("/rest/1/", "/rest/1/x", StringComparison.Ordinal);
        using var client = Connect(wrong);

        var error = await Assert.ThrowsAsync<B24Exception>(() => client.CallAsync("user.get"));

        Assert.Equal(B24ErrorCodes.NoAuthFound, error.Code);
        Assert.Equal(401, error.HttpStatus);
        var code = new Uri(wrong).Segments[3].TrimEnd('/');
        Assert.False(error.ToString().Contains(code, StringComparison.Ordinal), "the exception shows the webhook code");
        Assert.All(Log, line => Assert.False(line.Contains(code, StringComparison.Ordinal), "a log line shows the webhook code"));
    }

    [Fact]
    public async Task A_non_administrator_is_denied_bizproc()
    {
        using var client = Connect(Server.NonAdminWebhookUrl);

        // A plain call (one page) carries the portal's HTTP status; a page inside a batch only its code.
        var error = await Assert.ThrowsAsync<B24Exception>(() => Items(client.ListAsync(WorkflowsApi.List(), rowLimit: 1)));
        var inBatch = await Assert.ThrowsAsync<B24Exception>(() => Items(client.ListAsync(WorkflowsApi.List())));

        Assert.Equal(B24ErrorCodes.AccessDenied, error.Code);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal(WorkflowsApi.ListMethod, error.Method);
        Assert.Equal(B24ErrorCodes.AccessDenied, inBatch.Code);
        Assert.Equal(WorkflowsApi.ListMethod, inBatch.Method);
    }

    [Fact]
    public async Task An_unknown_method_is_not_found()
    {
        var error = await Assert.ThrowsAsync<B24Exception>(() => Client.CallAsync("no.such.method"));

        Assert.Equal(B24ErrorCodes.MethodNotFound, error.Code);
        Assert.Equal(404, error.HttpStatus);
    }

    [Fact]
    public async Task Start_terminate_and_kill_one_by_one()
    {
        var document = new DocumentId("crm", "CCrmDocumentDeal", "DEAL_77");
        var first = await Client.CallAsync(WorkflowsApi.Start(2, document));
        var second = await Client.CallAsync(WorkflowsApi.Start(2, document));

        Assert.Equal(new[] { first, second }.OrderBy(x => x, StringComparer.Ordinal), Server.Portal.RunningWorkflowIds());

        await Client.CallAsync(WorkflowsApi.Terminate(first, "Stopped by a test"));
        await Client.CallAsync(WorkflowsApi.Kill(second));

        Assert.Empty(Server.Portal.RunningWorkflowIds());
        Assert.Equal("Stopped by a test", Server.Portal.TerminationStatus(first));
        var again = await Assert.ThrowsAsync<B24Exception>(() => Client.CallAsync(WorkflowsApi.Terminate(first)));
        Assert.Equal(400, again.HttpStatus);
    }

    [Fact]
    public async Task Templates_list_with_extra_fields()
    {
        var templates = await Items(Client.ListAsync(WorkflowTemplatesApi.List(new WorkflowTemplateQuery { ModuleId = "crm" }, new[] { "PARAMETERS" })));

        Assert.Equal(new[] { 1, 2, 3, 4 }, templates.Select(t => t.Id));
        var lead = templates[0];
        Assert.Equal("CCrmDocumentLead", lead.Entity);
        Assert.False(string.IsNullOrEmpty(lead.Name));
        Assert.True(lead.GetAdditionalFields().ContainsKey("PARAMETERS"));
    }

    [Fact]
    public async Task Users_list_pages_through_every_user_once()
    {
        Server.Portal.SeedUsers(120);

        var users = await Items(Client.ListAsync(UsersApi.List()));

        Assert.Equal(Server.Portal.UserIds(), users.Select(u => u.Id));
    }

    [Fact]
    public async Task Response_carries_time_and_the_operating_budget()
    {
        var response = await Client.CallAsync("user.get", new Hashtable { ["FILTER"] = new Hashtable { ["ID"] = 1 } });

        Assert.Equal(1, response.Total);
        Assert.NotNull(response.Time);
        Assert.True(response.Time!.Finish >= response.Time.Start);
        Assert.NotNull(response.Time.Operating);
        Assert.NotNull(response.Time.OperatingResetAt);
        Assert.All(Log, line => TestClients.AssertNoSecret(line, "a log line"));
    }
}
