using System.Text.Json;
using Bitrix24.Client.Operations;

namespace Bitrix24.Client.Tests.EndToEnd;

/// <summary>Reads by name (what Invoke-B24Method runs without ShouldProcess) against the emulator's own table.</summary>
public class MethodNamesTests : EmulatorClientTestBase
{
    [Fact]
    public async Task Every_emulated_method_is_a_read_by_name_exactly_when_the_emulator_says_it_reads()
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(Server.BaseUrl, "emulator/methods")));
        var methods = document.RootElement.GetProperty("methods").EnumerateArray()
            .Select(m => (Name: m.GetProperty("name").GetString()!, Read: m.GetProperty("kind").GetString() == "read"))
            .Where(m => m.Name != "batch") // a carrier: its sub-calls may write, so by name it is not a read
            .ToList();

        Assert.Contains(methods, m => !m.Read);
        var wrong = methods.Where(m => B24MethodNames.IsRead(m.Name) != m.Read).Select(m => m.Name).ToList();
        Assert.True(wrong.Count == 0, "classified wrongly by name: " + string.Join(", ", wrong));
    }

    [Theory]
    [InlineData("user.get", true)]
    [InlineData("tasks.flow.Flow.isExists", true)]
    [InlineData("crm.deal.fields", true)]
    [InlineData("tasks.task.getFields", true)]
    [InlineData("user.get.json", true)]
    [InlineData("profile", true)]
    [InlineData("batch", false)]
    [InlineData("crm.deal.update", false)]
    [InlineData("some.unknown.method", false)]
    [InlineData("get", false)]
    public void Names_say_read_only_for_known_read_endings(string method, bool read)
        => Assert.Equal(read, B24MethodNames.IsRead(method));
}
