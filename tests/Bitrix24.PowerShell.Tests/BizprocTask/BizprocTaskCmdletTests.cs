using System.Net.Http.Json;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// Get-/Complete-/Move-B24BizprocTask in process, where the portal's own state shows what the shell cannot:
/// how many times each task was completed, whose each task is now, and the FIELDS the portal received.
/// The portal keeps its real limits (2 requests/s, burst 50) and the connection the client's defaults.
/// </summary>
public sealed class BizprocTaskCmdletTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => new() { SeedBizprocTasks = 300 };

    [Fact]
    public void The_completion_pipeline_completes_each_of_300_running_tasks_exactly_once_in_at_most_10_requests()
    {
        var before = Portal.GetStats().TotalRequests;
        var result = Run("""
            Connect-B24 -Url $webhook
            Get-B24BizprocTask -Status Running | Complete-B24BizprocTask -Status Approved -Comment 'ok' -Confirm:$false
            """);
        Assert.True(result.Succeeded, result.ToString());
        var stats = Portal.GetStats();
        Assert.True(stats.TotalRequests - before <= 11, $"{stats.TotalRequests - before} requests (Connect-B24's check + ≤ 10)");
        Assert.Equal(0, stats.Sent503);
        Assert.Empty(Portal.Portal.RunningTaskIds());
        var completions = Portal.Portal.TaskCompletions();
        Assert.Equal(300, completions.Count);
        Assert.All(completions.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Delegating_120_tasks_of_one_user_is_one_call_and_they_belong_to_the_new_user()
    {
        Portal.Portal.SeedBizprocTasks(120, userId: 2);
        var result = Run("""
            Connect-B24 -Url $webhook
            Get-B24BizprocTask -UserId 2 -Status Running | Move-B24BizprocTask -ToUserId 1 -Confirm:$false
            """);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, Calls("bizproc.task.delegate"));
        Assert.True(Requests("bizproc.task.list") + Requests("batch") <= 3);
        Assert.Empty(Portal.Portal.RunningTaskIds(userId: 2));
        Assert.Equal(420, Portal.Portal.RunningTaskIds(userId: 1).Count);
    }

    [Fact]
    public async Task A_request_for_information_gets_its_fields_typed_and_a_file_as_name_and_base64()
    {
        using var http = new HttpClient { BaseAddress = Portal.BaseUrl };
        var template = await http.PostAsJsonAsync("/emulator/seed", new
        {
            taskTemplates = new[]
            {
                new
                {
                    name = "Contractor", entity = "CCrmDocumentDeal",
                    steps = new[]
                    {
                        new
                        {
                            type = "request", title = "Details", users = new[] { 1 },
                            fields = new object[]
                            {
                                new { id = "due", type = "date", required = true },
                                new { id = "lead", type = "user", required = true },
                                new { id = "scan", type = "file", required = true },
                            },
                        },
                    },
                },
            },
        });
        template.EnsureSuccessStatusCode();
        var templateId = (await template.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("taskTemplateIds")[0].GetInt32();
        (await http.PostAsJsonAsync("/emulator/seed", new { workflows = 1, templateId })).EnsureSuccessStatusCode();
        var file = Path.Combine(Path.GetTempPath(), "b24-scan-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(file, [1, 2, 3, 250]);
        try
        {
            var values = RunOk("""
                Connect-B24 -Url $webhook
                $task = Get-B24BizprocTask -TemplateId $templateId -Status Running
                $task | Complete-B24BizprocTask -Status Acknowledged -Fields @{ due = [datetime]'2026-12-24'; lead = 2; scan = $file } -Confirm:$false -PassThru
                """, new { templateId, file });
            var id = Assert.IsType<long>(Assert.Single(values));
            var (_, fields) = Portal.Portal.TaskAnswer(id);
            Assert.NotNull(fields);
            Assert.Equal("2026-12-24", fields!["due"]);
            Assert.Equal("user_2", fields["lead"]);
            var scan = Assert.IsType<object?[]>(fields["scan"]);
            Assert.Equal([Path.GetFileName(file), Convert.ToBase64String([1, 2, 3, 250])], scan);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
