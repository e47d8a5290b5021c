using System.Text.Json;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>Workflow.FromRow (the listing's hand-written reader) reads every row as the serializer does.</summary>
public class WorkflowRowReaderTests
{
    public static TheoryData<string> Rows => new()
    {
        """{"DOCUMENT_ID":"LEAD_1","ENTITY":"CCrmDocumentLead","ID":"66e412fdc9bd44.36306599","STARTED":"2024-09-13T10:25:01+00:00","MODULE_ID":"crm","OWNED_UNTIL":null,"TEMPLATE_ID":"1","STARTED_BY":"0","MODIFIED":"2024-09-13T12:00:00+03:00","UF_NOTE":"kept"}""",
        """{"ID":"a.1","OWNED_UNTIL":"2020-01-01T00:00:00+00:00"}""",
        """{"ID":"x","STARTED":"13.09.2024 10:25:01","MODIFIED":1726223101,"OWNED_UNTIL":{},"TEMPLATE_ID":"","STARTED_BY":null}""",
        """{"ID":12345,"TEMPLATE_ID":[],"STARTED_BY":7,"MODULE_ID":{},"ENTITY":["a"],"DOCUMENT_ID":5}""",
        """{"id":"lower","template_id":"3","Started_By":" 4 ","UF_LIST":[1,"two",{"k":null}],"IsStuck":true}""",
        """{"ID":"twice","ID":"again","STARTED":"not a date"}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Same_workflow_as_the_serializer(string json)
    {
        var row = JsonDocument.Parse(json).RootElement;
        var expected = B24Json.Deserialize<Workflow>(row);
        var actual = Workflow.FromRow(row);

        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Theory]
    [InlineData("""{"ID":"x","TEMPLATE_ID":"abc"}""")]
    [InlineData("""{"ID":"x","STARTED_BY":99999999999}""")]
    [InlineData("""{"ID":"x","TEMPLATE_ID":{"a":1}}""")]
    [InlineData("""{"ID":"x","STARTED_BY":true}""")]
    [InlineData("""null""")]
    [InlineData("""["ID"]""")]
    public void Same_misfit_as_the_serializer(string json)
    {
        var row = JsonDocument.Parse(json).RootElement;
        B24Exception? expected = null;
        try
        {
            B24Json.Deserialize<Workflow>(row);
        }
        catch (B24Exception e)
        {
            expected = e;
        }

        if (expected is null)
        {
            Assert.Equal(Describe(B24Json.Deserialize<Workflow>(row)), Describe(Workflow.FromRow(row)));
            return;
        }
        var actual = Assert.Throws<B24Exception>(() => Workflow.FromRow(row));
        Assert.Equal(B24ErrorCodes.UnexpectedAnswer, actual.Code);
        Assert.Equal(FieldPart(expected.Message), FieldPart(actual.Message));
    }

    // "The portal's answer does not fit: Field X of a Workflow: …": the field and the value it held.
    private static string FieldPart(string message) => message.Split(" could not ")[0].TrimEnd('.');

    private static string Describe(Workflow w)
        => string.Join("|", w.Id, w.Modified?.ToString("O"), w.OwnedUntil?.ToString("O"), w.ModuleId, w.Entity, w.DocumentId,
            w.Started?.ToString("O"), w.StartedBy, w.TemplateId, w.IsStuck,
            string.Join(";", w.GetAdditionalJson().Select(p => p.Key + "=" + p.Value.GetRawText())));
}
