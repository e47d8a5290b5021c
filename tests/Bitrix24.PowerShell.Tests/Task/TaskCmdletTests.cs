using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Add-/Get-B24Task in process: CSV-like rows, bad rows by position, reading back, -WhatIf.</summary>
public sealed class TaskCmdletTests(ITestOutputHelper log) : PortalTest(log)
{
    [Fact]
    public void Rows_bind_by_property_name_and_bad_rows_are_named_by_position()
    {
        var result = Run(Connect + """
            $rows = 1..120 | ForEach-Object {
                [pscustomobject]@{ Title = if ($_ -eq 7) { ' ' } else { "Задача $_ 🎯" }; ResponsibleId = if ($_ -eq 99) { 555 } else { 1 }; Auditors = '1,2'; Priority = 'High'; Deadline = '2026-05-01T10:00:00+05:00'; UF_CODE = "C$_" }
            }
            $created = $rows | Add-B24Task
            $created.Count
            ($created | Get-B24Task -Select ID, TITLE, UF_CODE, DEADLINE, AUDITORS | ForEach-Object { "$($_.Title)|$($_.ufCode)|$($_.Deadline.ToUniversalTime().ToString('o'))|$($_.Auditors -join ',')" })[0]
            """);
        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(118, result.Values.ElementAt(0));
        Assert.Equal("Задача 1 🎯|C1|2026-05-01T05:00:00.0000000+00:00|1,2", result.Values.ElementAt(1));
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("Row 7 (' ')", result.Errors[0].ErrorDetails.Message);
        Assert.StartsWith("INVALID_ARGUMENT,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Contains("Row 99 ('Задача 99 🎯')", result.Errors[1].ErrorDetails.Message);
        Assert.StartsWith("ERROR_CORE,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(3 + 3, Requests("batch"));   // 119 adds in 3 batches, 118 gets in 3
        Assert.Equal("C5", Portal.Portal.TaskCustomField(5, "UF_CODE"));
    }

    [Fact]
    public void A_required_custom_field_missing_is_the_portals_error()
    {
        Portal.Portal.RequireTaskField("UF_NEEDED");
        var result = Run(Connect + "Add-B24Task -Title 'x' -ResponsibleId 1; Add-B24Task -Title 'y' -ResponsibleId 1 -Fields @{ UF_NEEDED = 'v' } | ForEach-Object Title");
        Assert.Equal(["y"], result.Values);
        Assert.Single(result.Errors);
        Assert.Contains("UF_NEEDED", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void List_streams_with_keyset_paging_and_filters()
    {
        Portal.Portal.SeedUsers(3);
        Portal.Portal.SeedTasks(260);
        var values = RunOk(Connect + "(Get-B24Task -Select ID).Count; (Get-B24Task -ResponsibleId 2 | Where-Object ResponsibleId -ne 2).Count");
        Assert.Equal([260, 0], values);
        Assert.True(Requests("batch") <= 2, "keyset pages after the first go in one batch per listing");
    }

    [Fact]
    public void WhatIf_sends_no_add()
    {
        var result = Run(Connect + "1..3 | ForEach-Object { [pscustomobject]@{ Title = \"t$_\"; ResponsibleId = 1 } } | Add-B24Task -WhatIf");
        Assert.False(result.HadTerminatingError, result.ToString());
        Assert.Equal(0, Calls("tasks.task.add"));
        Assert.Empty(Portal.Portal.TaskIds());
    }
}
