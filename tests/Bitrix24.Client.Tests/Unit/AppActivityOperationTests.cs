using System.Text;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>The application-only operations as built: document-type shortcuts, the documented wire shapes of
/// robot/activity, template and event fields, and local refusals.</summary>
public class AppActivityOperationTests
{
    private static string Json(IReadOnlyDictionary<string, object?> parameters) => Encoding.UTF8.GetString(JsonParameterWriter.ToUtf8(parameters));

    [Theory]
    [InlineData("deal", "crm|CCrmDocumentDeal|DEAL")]
    [InlineData("SmartInvoice", @"crm|Bitrix\Crm\Integration\BizProc\Document\SmartInvoice|SMART_INVOICE")]
    [InlineData("Dynamic 128", @"crm|Bitrix\Crm\Integration\BizProc\Document\Dynamic|DYNAMIC_128")]
    [InlineData("dynamic:7", @"crm|Bitrix\Crm\Integration\BizProc\Document\Dynamic|DYNAMIC_7")]
    [InlineData("List 5", "lists|BizprocDocument|iblock_5")]
    [InlineData("Disk 3", @"disk|Bitrix\Disk\BizProcDocument|STORAGE_3")]
    [InlineData("crm|CCrmDocumentLead|LEAD", "crm|CCrmDocumentLead|LEAD")]
    public void Document_type_shortcuts(string given, string expected) => Assert.Equal(expected, DocumentType.Parse(given).ToString());

    [Theory]
    [InlineData("Invoice")]
    [InlineData("Dynamic 0")]
    [InlineData("List x")]
    [InlineData("crm|CCrmDocumentLead")]
    public void Unknown_document_types_are_refused(string given) => Assert.Throws<ArgumentException>(() => DocumentType.Parse(given));

    [Fact]
    public void A_robot_add_is_application_only_and_sends_the_documented_fields()
    {
        var fields = new AppActivityFields
        {
            Handler = "https://app.example.com/h",
            AuthUserId = 1,
            UseSubscription = false,
            Name = new LocalizedText([new("en", "Send"), new("de", "Senden")]),
            Properties = [AppActivityProperty.From("kind", new Dictionary<string, object?> { ["name"] = "Kind", ["TYPE"] = "Select", ["options"] = new List<object?> { "a", "b" }, ["Default"] = "a", ["Required"] = true })],
            DocumentType = DocumentType.Parse("Deal"),
            Filter = AppActivityFilter.From(new Dictionary<string, object?> { ["exclude"] = "box" }),
        };

        var add = RobotsApi.Api.Add("send", fields);

        Assert.True(add.RequiresApplication);
        Assert.Equal("bizproc.robot.add", add.Method);
        Assert.Equal("""{"CODE":"send","HANDLER":"https://app.example.com/h","AUTH_USER_ID":1,"USE_SUBSCRIPTION":"N","NAME":{"en":"Send","de":"Senden"},"PROPERTIES":{"kind":{"Name":"Kind","Type":"select","Options":{"a":"a","b":"b"},"Required":"Y","Default":"a"}},"DOCUMENT_TYPE":["crm","CCrmDocumentDeal","DEAL"],"FILTER":{"EXCLUDE":["box"]}}""",
            Json(add.Parameters));
    }

    [Fact]
    public void An_update_sends_only_the_given_fields_under_FIELDS()
    {
        var update = ActivitiesApi.Api.Update("md5_action", new AppActivityFields { Handler = "https://app.example.com/v2" });

        Assert.True(update.RequiresApplication);
        Assert.Equal("""{"CODE":"md5_action","FIELDS":{"HANDLER":"https://app.example.com/v2"}}""", Json(update.Parameters));
        Assert.Throws<ArgumentException>(() => ActivitiesApi.Api.Update("md5_action", new AppActivityFields()));
    }

    [Theory]
    [InlineData("bad code")]
    [InlineData("")]
    [InlineData("ünï")]
    public void Codes_outside_the_allowed_characters_are_refused(string code)
        => Assert.Throws<ArgumentException>(() => RobotsApi.Api.Delete(code));

    [Fact]
    public void A_template_goes_with_its_file_as_name_and_base64_and_alone()
    {
        var add = WorkflowTemplatesApi.Add(new WorkflowTemplateFields
        {
            DocumentType = DocumentType.Parse("Lead"),
            Name = "T",
            TemplateData = new TemplateFile("bp.bpt", [1, 2, 3]),
            AutoExecute = WorkflowAutoExecute.OnCreateAndUpdate,
        });

        Assert.True(add.RequiresApplication);
        Assert.False(add.Batchable);
        Assert.Equal("""{"DOCUMENT_TYPE":["crm","CCrmDocumentLead","LEAD"],"NAME":"T","TEMPLATE_DATA":["bp.bpt","AQID"],"AUTO_EXECUTE":3}""", Json(add.Parameters));
    }

    [Fact]
    public void An_event_sends_token_values_and_log()
    {
        var send = BizprocEventsApi.Send("tok", new Dictionary<string, object?> { ["status"] = "sent" }, "done");

        Assert.True(send.RequiresApplication);
        Assert.Equal("""{"EVENT_TOKEN":"tok","RETURN_VALUES":{"status":"sent"},"LOG_MESSAGE":"done"}""", Json(send.Parameters));
        Assert.Throws<ArgumentException>(() => BizprocEventsApi.Send(""));
        Assert.Throws<ArgumentException>(() => BizprocEventsApi.Log("tok", " "));
    }
}
