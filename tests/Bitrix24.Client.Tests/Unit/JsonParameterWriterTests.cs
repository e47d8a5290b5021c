using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Client.Serialization;
using Bitrix24.Client.Tests.TestSupport;

namespace Bitrix24.Client.Tests.Unit;

public class JsonParameterWriterTests
{
    private static string Write(object? value) => Encoding.UTF8.GetString(JsonParameterWriter.ToUtf8(value));

    [Fact]
    public void Null_parameters_are_an_empty_object() => Assert.Equal("{}", Write(null));

    [Fact]
    public void Writes_scalars_as_json_types()
    {
        var json = Write(new OrderedDictionary
        {
            ["null"] = null,
            ["dbnull"] = DBNull.Value,
            ["yes"] = true,
            ["no"] = false,
            ["int"] = 57,
            ["long"] = 9_007_199_254_740_993L,
            ["decimal"] = 1234.5m,
            ["double"] = 0.1,
            ["nan"] = double.NaN,
            ["char"] = 'x',
            ["enum"] = DayOfWeek.Friday,
            ["guid"] = new Guid("a4f1c7a2-5f2e-4a53-9d36-0c2f1c6f8b11"),
        });

        Assert.Equal("{\"null\":null,\"dbnull\":null,\"yes\":true,\"no\":false,\"int\":57,\"long\":9007199254740993,"
            + "\"decimal\":1234.5,\"double\":0.1,\"nan\":\"NaN\",\"char\":\"x\",\"enum\":\"Friday\","
            + "\"guid\":\"a4f1c7a2-5f2e-4a53-9d36-0c2f1c6f8b11\"}", json);
    }

    [Fact]
    public void Numbers_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            Assert.Equal("{\"d\":1.5,\"m\":-2.25,\"f\":0.5}", Write(new OrderedDictionary { ["d"] = 1.5, ["m"] = -2.25m, ["f"] = 0.5f }));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Dates_are_iso_8601_with_offset()
    {
        var json = Write(new OrderedDictionary
        {
            ["dto"] = new DateTimeOffset(2024, 9, 13, 10, 25, 1, TimeSpan.FromHours(3)),
            ["utc"] = new DateTime(2024, 9, 13, 7, 25, 1, DateTimeKind.Utc),
        });

        Assert.Equal("{\"dto\":\"2024-09-13T10:25:01+03:00\",\"utc\":\"2024-09-13T07:25:01+00:00\"}", json);
    }

    [Fact]
    public void Nests_dictionaries_of_every_kind_and_lists()
    {
        var json = Write(new Hashtable
        {
            ["FILTER"] = new Dictionary<string, object?> { [">ID"] = 5, ["!STATUS"] = new[] { "A", "B" } },
        });
        var ordered = Write(new List<KeyValuePair<string, object?>>
        {
            new("SELECT", new List<object?> { "ID", 2, null, new object[0] }),
            new("EMPTY", new Dictionary<string, object?>()),
            new("ROWS", new[] { new Hashtable { ["a"] = 1 } }),
        });

        Assert.Equal("{\"FILTER\":{\">ID\":5,\"!STATUS\":[\"A\",\"B\"]}}", json);
        Assert.Equal("{\"SELECT\":[\"ID\",2,null,[]],\"EMPTY\":{},\"ROWS\":[{\"a\":1}]}", ordered);
    }

    [Fact]
    public void Text_keeps_non_ascii_and_escapes_what_json_needs()
    {
        var json = Write(new Dictionary<string, object?> { ["Привет"] = "Привет 👋 \"q\" \\ a&b=c%" });

        // Cyrillic stays readable; STJ writes astral characters (the emoji) as a surrogate-pair escape,
        // which json_decode reads back to the same character.
        Assert.StartsWith("{\"Привет\":\"Привет ", json);
        Assert.Equal("Привет 👋 \"q\" \\ a&b=c%", JsonDocument.Parse(json).RootElement.GetProperty("Привет").GetString());
    }

    [Fact]
    public void Json_values_pass_through()
    {
        var element = JsonDocument.Parse("{\"a\":[1,true,null,{\"b\":\"c\"}],\"n\":1.50}").RootElement;
        var node = JsonNode.Parse("{\"x\":[\"y\",2]}");

        Assert.Equal("{\"e\":{\"a\":[1,true,null,{\"b\":\"c\"}],\"n\":1.50},\"node\":{\"x\":[\"y\",2]}}",
            Write(new OrderedDictionary { ["e"] = element, ["node"] = node }));
    }

    [Fact]
    public async Task A_call_posts_json_with_accept_and_user_agent_to_the_webhook_url()
    {
        var handler = MockHandler.Sequence(() => Responses.Result("true"));
        using var client = TestClients.Create(handler, o => o.UserAgent = "Tests/1.0");

        await client.CallAsync("bizproc.workflow.terminate", new Hashtable { ["ID"] = "66e412fdc9bd44.36306599" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Verb);
        Assert.Equal(TestClients.WebhookUrl + "bizproc.workflow.terminate", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal("Tests/1.0", request.UserAgent);
        Assert.Equal("{\"ID\":\"66e412fdc9bd44.36306599\"}", request.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../admin")]
    [InlineData("user.get?x=1")]
    [InlineData("user get")]
    public async Task Refuses_method_names_that_are_not_names(string method)
    {
        var handler = MockHandler.Sequence(() => Responses.Result("true"));
        using var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync(method));
        Assert.Empty(handler.Requests);
    }
}
