using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Get-B24User and Get-B24WorkflowTemplate: typed rows, filters, paging.</summary>
public sealed class UserAndTemplateTests(ITestOutputHelper log) : PortalTest(log)
{
    protected override EmulatorOptions PortalOptions => Fast(new EmulatorOptions { SeedWorkflows = 20, SeedUsers = 60 });

    [Fact]
    public void Get_user_lists_every_user_as_B24User()
    {
        var rows = RunOk(Connect + "Get-B24User");

        Assert.Equal(62, rows.Count);
        Assert.All(rows, r => Assert.Equal("Bitrix24.Client.Models.B24User", r!.GetType().FullName));
        Assert.Equal(Enumerable.Range(1, 62), rows.Select(r => (int)Prop(r, "Id")!).Order());
    }

    [Fact]
    public void Get_user_by_id_from_parameter_and_from_the_pipeline()
    {
        var result = Run(Connect + """
            (Get-B24User -Id 2).Id
            @(Get-B24User -Id 1, 3 | ForEach-Object { $_.Id }) -join ','
            @([pscustomobject]@{ Id = 5 }, [pscustomobject]@{ UserId = 6 } | Get-B24User | ForEach-Object { $_.Id }) -join ','
            @(Get-B24User -First 3).Count
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([2, "1,3", "5,6", 3], result.Values);
    }

    [Fact]
    public void Several_ids_are_one_query_with_one_total()
    {
        var result = Run(Connect + "Get-B24User -Id 1, 3, 4 -IncludeTotalCount");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(3UL, result.Output[0].BaseObject);
        Assert.Equal([1, 3, 4], result.Output.Skip(1).Select(o => Prop(o, "Id")));
        Assert.Equal(2, Calls("user.get")); // Connect-B24's check, then the one query
    }

    [Fact]
    public void Get_user_Active_filters_on_the_portal()
    {
        var result = Run(Connect + """
            $all = @(Get-B24User)
            @(Get-B24User -Active).Count -eq @($all | Where-Object { $_.Active }).Count
            @(Get-B24User -Active:$false).Count -eq @($all | Where-Object { -not $_.Active }).Count
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, true], result.Values);
    }

    [Fact]
    public void Get_template_lists_templates_and_filters_by_id_and_module()
    {
        var result = Run(Connect + """
            $all = @(Get-B24WorkflowTemplate)
            $all.Count -gt 0
            $t = $all[0]
            $t.GetType().FullName
            (Get-B24WorkflowTemplate -Id $t.Id).Name -eq $t.Name
            @(Get-B24WorkflowTemplate -ModuleId $t.ModuleId).Count -eq @($all | Where-Object { $_.ModuleId -eq $t.ModuleId }).Count
            @(Get-B24WorkflowTemplate -Name $t.Name | ForEach-Object { $_.Id }) -contains $t.Id
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, "Bitrix24.Client.Models.WorkflowTemplate", true, true, true], result.Values);
    }

    [Fact]
    public void Get_template_Property_adds_heavy_fields_as_properties()
    {
        var result = Run(Connect + """
            $t = @(Get-B24WorkflowTemplate -Property PARAMETERS -First 1)[0]
            $null -ne $t.PSObject.Properties['PARAMETERS']
            $plain = @(Get-B24WorkflowTemplate -First 1)[0]
            $null -eq $plain.PSObject.Properties['PARAMETERS']
            """);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([true, true], result.Values);
    }
}
