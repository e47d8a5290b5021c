using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>New-/Set-/Remove-B24WorkflowTemplate in process, signed in as an application: the document-type
/// shortcuts, the .bpt sent as [name, base64], -AutoExecute, only given fields on update, local refusals.</summary>
public sealed class TemplateWriteCmdletTests(ITestOutputHelper log) : AppPortalTest(log)
{
    private readonly string _bpt = Path.Combine(Path.GetTempPath(), "b24-" + Guid.NewGuid().ToString("N") + ".bpt");

    private string WriteBpt(string text = "a:0:{}")
    {
        using var file = File.Create(_bpt);
        using var zlib = new ZLibStream(file, CompressionLevel.Optimal);
        zlib.Write(Encoding.UTF8.GetBytes(text));
        return _bpt;
    }

    private object Variables => AppVariables(file: _bpt);

    [Theory]
    [InlineData("Lead", "crm|CCrmDocumentLead|LEAD")]
    [InlineData("Contact", "crm|CCrmDocumentContact|CONTACT")]
    [InlineData("Company", "crm|CCrmDocumentCompany|COMPANY")]
    [InlineData("Deal", "crm|CCrmDocumentDeal|DEAL")]
    [InlineData("Quote", @"crm|Bitrix\Crm\Integration\BizProc\Document\Quote|QUOTE")]
    [InlineData("SmartInvoice", @"crm|Bitrix\Crm\Integration\BizProc\Document\SmartInvoice|SMART_INVOICE")]
    [InlineData("'Dynamic 128'", @"crm|Bitrix\Crm\Integration\BizProc\Document\Dynamic|DYNAMIC_128")]
    [InlineData("Dynamic, 128", @"crm|Bitrix\Crm\Integration\BizProc\Document\Dynamic|DYNAMIC_128")]
    [InlineData("'List 5'", "lists|BizprocDocument|iblock_5")]
    [InlineData("'Disk 3'", @"disk|Bitrix\Disk\BizProcDocument|STORAGE_3")]
    [InlineData("crm, CCrmDocumentDeal, DEAL", "crm|CCrmDocumentDeal|DEAL")]
    public void Document_type_shortcuts_reach_the_portal_as_the_three_parts(string shortcut, string expected)
    {
        WriteBpt();
        var values = RunOk(ConnectApp + $"$t = New-B24WorkflowTemplate -DocumentType {shortcut} -Name 'T' -Path $file\n$t.Id; $t.DocumentType -join '|'", Variables);

        Assert.Equal(5, values[0]);
        Assert.Equal(expected, values[1]);
        Assert.Equal(expected, Portal.Portal.Template(5)!.DocumentType);
        Assert.Equal(App.App.ClientId, Portal.Portal.Template(5)!.ApplicationId);
    }

    [Fact]
    public void The_file_goes_as_name_and_base64_and_Set_changes_only_what_is_given()
    {
        WriteBpt("first");
        var values = RunOk(ConnectApp + """
            $t = New-B24WorkflowTemplate -DocumentType Deal -Name 'Approval' -Description 'Two steps' -Path $file -AutoExecute OnCreateAndUpdate
            "$($t.AutoExecute)"
            $t | Set-B24WorkflowTemplate -Name 'Approval v2'
            (Get-B24WorkflowTemplate -Id $t.Id).Name
            """, Variables);

        Assert.Equal(["OnCreateAndUpdate", "Approval v2"], values);
        var stored = Portal.Portal.Template(5)!;
        Assert.Equal(3, stored.AutoExecute);
        Assert.Equal("Two steps", stored.Description);
        Assert.Equal(File.ReadAllBytes(_bpt), stored.TemplateData);

        WriteBpt("second");
        RunOk(ConnectApp + "Set-B24WorkflowTemplate -Id 5 -Path $file -AutoExecute None", Variables);
        Assert.Equal(File.ReadAllBytes(_bpt), Portal.Portal.Template(5)!.TemplateData);
        Assert.Equal(0, Portal.Portal.Template(5)!.AutoExecute);
        Assert.Equal("Approval v2", Portal.Portal.Template(5)!.Name);
    }

    [Theory]
    [InlineData("New-B24WorkflowTemplate -DocumentType Invoice -Name T -Path $file", "not a document type")]
    [InlineData("New-B24WorkflowTemplate -DocumentType Deal -Name T", "-Path (the .bpt file) is required")]
    [InlineData("New-B24WorkflowTemplate -DocumentType Deal -Name T -Path ./no-such.bpt", "does not exist")]
    [InlineData("Set-B24WorkflowTemplate -Id 1", "Nothing to change")]
    public void Bad_input_is_refused_before_sending(string command, string message)
    {
        WriteBpt();
        var result = Run(ConnectApp + command, Variables);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("INVALID_ARGUMENT,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Calls("bizproc.workflow.template.add") + Calls("bizproc.workflow.template.update"));
    }

    [Fact]
    public void Remove_is_high_impact_and_touches_only_the_applications_templates()
    {
        WriteBpt();
        var result = Run(ConnectApp + """
            $t = New-B24WorkflowTemplate -DocumentType Lead -Name 'Mine' -Path $file
            Remove-B24WorkflowTemplate -Id $t.Id -WhatIf
            Remove-B24WorkflowTemplate -Id 1 -Force
            Get-B24WorkflowTemplate -Id $t.Id | Remove-B24WorkflowTemplate -Confirm:$false
            """, Variables);

        Assert.Equal("ERROR_TEMPLATE_NOT_OWNER,Bitrix24.PowerShell.Commands.RemoveB24WorkflowTemplateCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Null(Portal.Portal.Template(5));
        Assert.NotNull(Portal.Portal.Template(1));
        Assert.Equal(2, Calls("bizproc.workflow.template.delete"));
    }

    [Fact]
    public void A_webhook_connection_is_refused_before_sending()
    {
        WriteBpt();
        var result = Run(Connect + "New-B24WorkflowTemplate -DocumentType Deal -Name T -Path $file", Variables);

        Assert.StartsWith("APPLICATION_CONTEXT_REQUIRED,", (result.TerminatingRecord ?? Assert.Single(result.Errors)).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(0, Calls("bizproc.workflow.template.add"));
    }

    protected override void Dispose(bool disposing)
    {
        File.Delete(_bpt);
        base.Dispose(disposing);
    }
}
