using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Start-B24Workflow from CSV-like rows: validation before sending, batching, parameters.</summary>
public sealed class StartWorkflowTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 3 });

    // A document and template that exist: those of a seeded workflow.
    private const string PickTarget = """
        $w = Get-B24Workflow -First 1
        $doc = "$($w.ModuleId)|$($w.Entity)|$($w.DocumentId)"

        """;

    [Fact]
    public void Rows_with_TemplateId_and_DocumentId_columns_start_workflows_and_bad_ids_are_rejected_before_sending()
    {
        var result = Run(Connect + PickTarget + """
            $rows = @(
                [pscustomobject]@{ TemplateId = $w.TemplateId; DocumentId = $doc }
                [pscustomobject]@{ TemplateId = $w.TemplateId; DocumentId = 'crm|LEAD_1' }
                [pscustomobject]@{ TemplateId = "$($w.TemplateId)"; DocumentId = $doc }
            )
            $rows | Start-B24Workflow -Confirm:$false
            """);

        var started = result.Output.ToList();
        Assert.Equal(2, started.Count);
        Assert.All(started, w => Assert.Equal("Bitrix24.Client.Models.Workflow", w.BaseObject.GetType().FullName));
        Assert.All(started, w => Assert.False(string.IsNullOrEmpty((string?)Prop(w, "Id"))));
        Assert.All(started, w => Assert.NotNull(Prop(w, "TemplateId")));
        var running = Portal.Portal.RunningWorkflowIds();
        Assert.All(started, w => Assert.Contains((string)Prop(w, "Id")!, running));

        var error = Assert.Single(result.Errors);
        Assert.Equal("INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.StartB24WorkflowCommand", error.FullyQualifiedErrorId);
        Assert.Equal("crm|LEAD_1", error.TargetObject);
        Assert.Equal(2, Calls("bizproc.workflow.start")); // the bad row was never sent
        Assert.Equal(1, Requests("batch"));                // both good rows went in one batch
    }

    [Fact]
    public void Listed_workflows_pipe_back_in_and_start_on_the_same_documents()
    {
        var result = Run(Connect + """
            $listed = @(Get-B24Workflow -First 2)
            $started = @($listed | Start-B24Workflow -Confirm:$false)
            for ($i = 0; $i -lt 2; $i++) {
                '{0}|{1}|{2}|{3}' -f $listed[$i].TemplateId, $listed[$i].ModuleId, $listed[$i].Entity, $listed[$i].DocumentId
                '{0}|{1}|{2}|{3}' -f $started[$i].TemplateId, $started[$i].ModuleId, $started[$i].Entity, $started[$i].DocumentId
            }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var lines = result.Values.Cast<string>().ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(lines[0], lines[1]);
        Assert.Equal(lines[2], lines[3]);
        Assert.Equal(2, Calls("bizproc.workflow.start"));
    }

    [Fact]
    public void A_row_rejected_before_sending_is_reported_in_its_place_among_the_results()
    {
        var result = Run(Connect + PickTarget + """
            $rows = @(
                [pscustomobject]@{ TemplateId = $w.TemplateId; DocumentId = $doc }
                [pscustomobject]@{ TemplateId = $w.TemplateId; DocumentId = 'bad' }
                [pscustomobject]@{ TemplateId = $w.TemplateId; DocumentId = $doc }
            )
            $rows | Start-B24Workflow -Confirm:$false 2>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { 'ERR ' + $_.TargetObject } else { 'OUT' }
            }
            """);

        Assert.Equal(["OUT", "ERR bad", "OUT"], result.Values);
        Assert.Equal(1, Requests("batch"));
    }

    [Fact]
    public void Three_part_DocumentId_and_nested_Cyrillic_parameters_reach_the_portal()
    {
        var result = Run(Connect + PickTarget + """
            Start-B24Workflow -TemplateId $w.TemplateId -DocumentId $w.ModuleId, $w.Entity, $w.DocumentId -Confirm:$false -Parameters @{
                Title   = 'Привет, мир & co'
                Nested  = [ordered]@{ List = @(1, 'два'); Flag = $true; Empty = $null }
                Manager = 'user_1'
            }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var id = (string)Prop(Assert.Single(result.Output), "Id")!;
        var parameters = Portal.Portal.StartParameters(id);
        Assert.NotNull(parameters);
        Log.WriteLine(System.Text.Json.JsonSerializer.Serialize(parameters));
        Assert.Equal("Привет, мир & co", parameters["Title"]?.ToString());
        Assert.Equal("user_1", parameters["Manager"]?.ToString());
        var nested = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(parameters["Nested"]);
        Assert.Equal("1", nested["Flag"]?.ToString());
        Assert.Equal(["1", "два"], Flatten(nested["List"]));
        Assert.Equal("", nested["Empty"]?.ToString() ?? "");
    }

    [Fact]
    public void Several_pipe_joined_DocumentIds_start_one_workflow_each()
    {
        Portal.Portal.SeedWorkflows(20);
        var result = Run(Connect + """
            $t = (Get-B24Workflow -First 1).TemplateId
            $docs = @(Get-B24Workflow -TemplateId $t -First 3 | ForEach-Object { "$($_.ModuleId)|$($_.Entity)|$($_.DocumentId)" })
            $docs.Count
            Start-B24Workflow -TemplateId $t -DocumentId $docs -Confirm:$false
            """);

        Assert.True(result.Succeeded, result.ToString());
        var expected = (int)result.Output[0].BaseObject;
        Assert.InRange(expected, 1, 3);
        Assert.Equal(expected, result.Output.Count - 1);
        Assert.Equal(expected, Calls("bizproc.workflow.start"));
    }

    /// <summary>A list as the portal parsed it: a list, or PHP's array with keys 0..n-1.</summary>
    private static IEnumerable<string?> Flatten(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.OrderBy(p => int.Parse(p.Key)).Select(p => p.Value?.ToString()),
        System.Collections.IEnumerable items and not string => items.Cast<object?>().Select(v => v?.ToString()),
        _ => [value?.ToString()],
    };
}
