using YamlDotNet.RepresentationModel;

namespace Bitrix24.HelpBuilder;

/// <summary>The metadata block platyPS writes under each parameter (```yaml), read with YamlDotNet.</summary>
public sealed class ParameterYaml
{
    public const string AllSets = "__AllParameterSets";
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public string this[string key] => _values.TryGetValue(key, out var value) ? value : "";

    public string Type => this["Type"];
    public bool Required => Flag("Required");
    public string Position => this["Position"] is { Length: > 0 } p ? p : "Named";
    public string DefaultValue => this["Default value"];
    public string PipelineInput => this["Accept pipeline input"] is { Length: > 0 } p ? p : "False";
    public bool Globbing => Flag("Accept wildcard characters");
    public IReadOnlyList<string> Aliases => List("Aliases");

    /// <summary>The parameter sets the block holds for; "(All)" is every set.</summary>
    public IReadOnlyList<string> ParameterSets => this["Parameter Sets"] == "(All)" ? new[] { AllSets } : List("Parameter Sets");

    public bool AppliesTo(string set) => ParameterSets.Contains(AllSets) || ParameterSets.Contains(set, StringComparer.OrdinalIgnoreCase);

    public static ParameterYaml Parse(string text)
    {
        var block = new ParameterYaml();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
                block._values[((YamlScalarNode)key).Value ?? ""] = (value as YamlScalarNode)?.Value ?? "";
        }
        return block;
    }

    public IReadOnlyList<string> List(string key)
        => this[key].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string SetLabel(string set) => set == AllSets ? "(All)" : set;

    private bool Flag(string key) => string.Equals(this[key], "true", StringComparison.OrdinalIgnoreCase);
}
