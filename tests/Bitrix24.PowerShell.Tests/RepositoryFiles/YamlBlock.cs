namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>The key: value lines of a platyPS parameter ```yaml block.</summary>
internal sealed class YamlBlock
{
    private const string AllSets = "__AllParameterSets";
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public string this[string key] => _values.TryGetValue(key, out var value) ? value : "";

    public IEnumerable<string> ParameterSets
        => this["Parameter Sets"] == "(All)" ? new[] { AllSets } : List("Parameter Sets");

    public static YamlBlock Parse(string text)
    {
        var block = new YamlBlock();
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                block._values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return block;
    }

    public IReadOnlyList<string> List(string key)
        => this[key].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string SetLabel(string set) => set == AllSets ? "(All)" : set;
}
