using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json;
using Bitrix24.Client.Api;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Tests.Unit;

public class PhpQueryEncoderTests
{
    [Fact]
    public void Writes_the_documented_bracket_form()
    {
        var query = PhpQueryEncoder.Encode(new OrderedDictionary
        {
            ["filter"] = new OrderedDictionary { [">ID"] = 5 },
            ["select"] = new[] { "ID" },
            ["order"] = new OrderedDictionary { ["ID"] = "asc" },
            ["start"] = -1,
        });

        Assert.Equal("filter[>ID]=5&select[0]=ID&order[ID]=asc&start=-1", query);
    }

    [Fact]
    public void Nothing_is_an_empty_query() => Assert.Equal("", PhpQueryEncoder.Encode(null));

    [Fact]
    public void Null_is_an_empty_value_and_booleans_are_one_and_zero()
    {
        var query = PhpQueryEncoder.Encode(new OrderedDictionary { ["a"] = null, ["t"] = true, ["f"] = false, ["s"] = "x" });

        Assert.Equal("a=&t=1&f=0&s=x", query);
    }

    [Fact]
    public void Nested_lists_and_dictionaries_get_nested_brackets()
    {
        var query = PhpQueryEncoder.Encode(new OrderedDictionary
        {
            ["PARAMETERS"] = new OrderedDictionary
            {
                ["list"] = new object?[] { 1, new object?[] { "a", null }, new Hashtable { ["k"] = false } },
                ["empty_list"] = new object[0],
                ["empty_map"] = new Hashtable(),
            },
        });

        Assert.Equal("PARAMETERS[list][0]=1&PARAMETERS[list][1][0]=a&PARAMETERS[list][1][1]=&PARAMETERS[list][2][k]=0"
            + "&PARAMETERS[empty_list]=&PARAMETERS[empty_map]=", query);
    }

    [Fact]
    public void Text_is_utf8_percent_encoded_cyrillic_and_emoji_included()
    {
        var query = PhpQueryEncoder.Encode(new Hashtable { ["t"] = "Привет 👋" });

        Assert.Equal("t=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%F0%9F%91%8B", query);
        Assert.Equal("Привет 👋", Uri.UnescapeDataString(query.Substring(2)));
    }

    [Fact]
    public void Query_syntax_characters_in_values_cannot_break_the_query()
    {
        var query = PhpQueryEncoder.Encode(new Hashtable { ["v"] = "a&b=c%d+e#f[g]$h" });

        Assert.Equal("v=a%26b%3Dc%25d%2Be%23f%5Bg%5D%24h", query);
    }

    [Fact]
    public void Keys_keep_filter_prefixes_but_never_a_raw_equals_sign()
    {
        var query = PhpQueryEncoder.Encode(new Hashtable { ["FILTER"] = new OrderedDictionary { ["<=ID"] = 1, ["!=NAME"] = "a b", ["%Ключ"] = 2 } });

        Assert.Equal("FILTER[<%3DID]=1&FILTER[!%3DNAME]=a%20b&FILTER[%25%D0%9A%D0%BB%D1%8E%D1%87]=2", query);
    }

    [Fact]
    public void Dates_and_numbers_are_culture_independent()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var query = PhpQueryEncoder.Encode(new OrderedDictionary
            {
                ["d"] = 1.5,
                ["m"] = 1234567.89m,
                ["at"] = new DateTimeOffset(2024, 9, 13, 10, 25, 1, TimeSpan.FromHours(3)),
            });

            Assert.Equal("d=1.5&m=1234567.89&at=2024-09-13T10%3A25%3A01%2B03%3A00", query);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Json_elements_encode_like_the_values_they_hold()
    {
        var element = JsonDocument.Parse("{\"a\":[true,null,1.50],\"b\":{\"c\":\"d\"}}").RootElement;

        Assert.Equal("a[0]=1&a[1]=&a[2]=1.50&b[c]=d", PhpQueryEncoder.Encode(element));
    }

    [Fact]
    public void A_single_value_is_not_a_parameter_set()
        => Assert.Throws<ArgumentException>(() => PhpQueryEncoder.Encode("ID=5"));

    [Fact]
    public void Command_string_is_method_and_query()
    {
        Assert.Equal("user.current", new B24BatchCommand("u", "user.current").ToCommandString());
        Assert.Equal("user.get?ID=1", new B24BatchCommand("u", "user.get", new Hashtable { ["ID"] = 1 }).ToCommandString());
        Assert.Equal("user.current", new B24BatchCommand("u", "user.current", new Hashtable()).ToCommandString());
    }

    [Fact]
    public void A_raw_command_string_travels_as_written()
    {
        var command = B24BatchCommand.FromQueryString("d", "department.get?ID=$result[get_user][UF_DEPARTMENT][0]");
        var bare = B24BatchCommand.FromQueryString("u", " user.current ");

        Assert.Equal("department.get", command.Method);
        Assert.Equal("ID=$result[get_user][UF_DEPARTMENT][0]", command.RawQuery);
        Assert.Equal("department.get?ID=$result[get_user][UF_DEPARTMENT][0]", command.ToCommandString());
        Assert.Equal("user.current", bare.Method);
        Assert.Equal("user.current", bare.ToCommandString());
        Assert.Throws<ArgumentException>(() => B24BatchCommand.FromQueryString("x", "?ID=1"));
    }

    [Fact]
    public void Result_reference_walks_a_path()
    {
        Assert.Equal("$result[p0][49][ID]", B24BatchCommand.ResultReference("p0", 49, "ID"));
        Assert.Equal("$result[get_user]", B24BatchCommand.ResultReference("get_user"));
    }

    [Fact]
    public void Workflow_commands_send_the_document_as_three_parts()
    {
        var start = WorkflowsApi.Start(5, DocumentId.Parse("crm|CCrmDocumentLead|LEAD_1"),
            new Dictionary<string, object?> { ["user"] = "user_1" }).ToBatchCommand("s1");
        var terminate = WorkflowsApi.Terminate("66e4.1", "Stopped by script").ToBatchCommand("t1");
        var kill = WorkflowsApi.Kill("66e4.1").ToBatchCommand("k1");

        Assert.Equal("bizproc.workflow.start?TEMPLATE_ID=5&DOCUMENT_ID[0]=crm&DOCUMENT_ID[1]=CCrmDocumentLead"
            + "&DOCUMENT_ID[2]=LEAD_1&PARAMETERS[user]=user_1", start.ToCommandString());
        Assert.Equal("bizproc.workflow.terminate?ID=66e4.1&STATUS=Stopped%20by%20script", terminate.ToCommandString());
        Assert.Equal("bizproc.workflow.kill?ID=66e4.1", kill.ToCommandString());
        Assert.Equal("66e4.1", Assert.IsType<Dictionary<string, object?>>(terminate.Parameters)["id"]);
        Assert.Throws<ArgumentException>(() => WorkflowsApi.Kill(" ").ToBatchCommand("k"));
    }

    [Theory]
    [InlineData("crm|CCrmDocumentLead|LEAD_1", true)]
    [InlineData("crm|CCrmDocumentLead", false)]
    [InlineData("crm||LEAD_1", false)]
    [InlineData("LEAD_1", false)]
    public void Document_id_parses_three_pipe_separated_parts(string text, bool valid)
    {
        if (valid)
            Assert.Equal(new[] { "crm", "CCrmDocumentLead", "LEAD_1" }, DocumentId.Parse(text).ToArray());
        else
            Assert.Throws<ArgumentException>(() => DocumentId.Parse(text));
    }
}
