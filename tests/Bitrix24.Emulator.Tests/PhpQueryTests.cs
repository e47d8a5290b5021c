using Bitrix24.Emulator.Http;
using Xunit;

namespace Bitrix24.Emulator.Tests;

/// <summary>The emulator's parse_str: what a sub-call or a GET query means to the portal.</summary>
public sealed class PhpQueryTests
{
    [Theory]
    [InlineData("filter[>ID]=5&select[0]=ID&order[ID]=asc&start=-1", """{"filter":{">ID":"5"},"select":["ID"],"order":{"ID":"asc"},"start":"-1"}""")]
    [InlineData("filter%5B%3EID%5D=5", """{"filter":{">ID":"5"}}""")]
    [InlineData("a[]=x&a[]=y&a[5]=z&a[]=w", """{"a":{"0":"x","1":"y","5":"z","6":"w"}}""")]
    [InlineData("a[1]=x&a[0]=y", """{"a":{"1":"x","0":"y"}}""")]
    [InlineData("a[x][]=1&a[x][]=2&a[y][z]=3", """{"a":{"x":["1","2"],"y":{"z":"3"}}}""")]
    [InlineData("v=a+b%20c%26d%3D%25&empty=&bare", """{"v":"a b c&d=%","empty":"","bare":""}""")]
    [InlineData("name=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82", """{"name":"Привет"}""")]
    [InlineData("a.b=1&c d=2&e[f.g]=3", """{"a_b":"1","c_d":"2","e":{"f.g":"3"}}""")]
    [InlineData("x[a=1", """{"x_a":"1"}""")]
    [InlineData("x[a]junk=1", """{"x":{"a":"1"}}""")]
    [InlineData("k=1&k=2", """{"k":"2"}""")]
    [InlineData("k=1&k[a]=2", """{"k":{"a":"2"}}""")]
    [InlineData("=1&[a]=2&&", """{}""")]
    public void ParsesLikePhp(string query, string expected)
        => Assert.Equal(expected, PhpQuery.Parse(query).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(30_000, false)] // once enough to overflow the stack of the whole emulator
    public void Nesting_past_PHPs_max_input_nesting_level_drops_the_variable(int depth, bool kept)
    {
        var parsed = PhpQuery.Parse("a" + string.Concat(Enumerable.Repeat("[x]", depth)) + "=1&b=2");

        Assert.Equal(kept, parsed.ContainsKey("a"));
        Assert.Equal("2", (string?)parsed["b"]);
    }
}
