using System.Management.Automation;
using System.Text.RegularExpressions;
using Bitrix24.HelpBuilder;
using static Bitrix24.PowerShell.Tests.RepositoryFiles.Repository;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// Checks the help pages as files, read by the help builder's own reader (Markdig, YamlDotNet): each follows the
/// platyPS schema and its parameter metadata matches the cmdlet, the about topic has the shape New-ExternalHelp
/// needs, and relative links point to files. What the compiled help shows (synopsis, examples that bind, SYNTAX
/// equal to Get-Command -Syntax, a page per exported cmdlet) is the Pester help test's.
/// </summary>
public sealed class HelpPagesTests
{
    private static readonly string[] CmdletSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly Dictionary<string, string> FrontMatter = new()
    {
        ["external help file"] = "Bitrix24.PowerShell.dll-Help.xml", ["Module Name"] = "Bitrix24", ["online version"] = "", ["schema"] = "2.0.0",
    };

    private static readonly string[] YamlKeys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input",
        "Accept wildcard characters",
    };

    [Fact]
    public void HelpPagesFollowThePlatyPsSchema()
    {
        var problems = new List<string>();
        var pages = CmdletPages();
        Assert.NotEmpty(pages);
        foreach (var path in pages)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var page = HelpDocument.Load(path);

            foreach (var (key, value) in FrontMatter.Where(e => !page.FrontMatter.TryGetValue(e.Key, out var v) || v != e.Value))
                problems.Add($"{name}: front matter lacks '{key}: {value}'");
            var top = page.Sections.Where(s => s.Level == 1).ToList();
            if (top.Count != 1 || top[0].Title != name)
            {
                problems.Add($"{name}: the only level-1 heading must be '# {name}'");
                continue;
            }

            var sections = top[0].Children.Select(h => h.Title).ToList();
            if (!sections.SequenceEqual(CmdletSections))
                problems.Add($"{name}: sections are [{string.Join(", ", sections)}], expected [{string.Join(", ", CmdletSections)}]");

            var syntax = top[0].Child("SYNTAX");
            var syntaxFences = syntax is null ? [] : syntax.Fences("").Concat(syntax.Children.SelectMany(c => c.Fences(""))).ToList();
            if (syntaxFences.Count == 0 || !syntaxFences.All(f => InlineText.CodeText(f).TrimEnd().EndsWith("[<CommonParameters>]", StringComparison.Ordinal)))
                problems.Add($"{name}: SYNTAX needs plain ``` blocks ending in [<CommonParameters>]");

            var examples = top[0].Child("EXAMPLES")?.Children ?? [];
            for (var i = 0; i < examples.Count; i++)
            {
                if (!Regex.IsMatch(examples[i].Title, $"^Example {i + 1}: \\S"))
                    problems.Add($"{name}: example heading '{examples[i].Title}' should be 'Example {i + 1}: <title>'");
                if (examples[i].Prose.Count == 0)
                    problems.Add($"{name}: '{examples[i].Title}' has no explanation");
            }

            var parameters = top[0].Child("PARAMETERS")?.Children ?? [];
            if (parameters.LastOrDefault() is not { Title: "CommonParameters" } common
                || !string.Join(" ", InlineText.Paragraphs(common.Blocks)).Contains("about_CommonParameters", StringComparison.Ordinal))
                problems.Add($"{name}: PARAMETERS must end with '### CommonParameters' and the standard sentence");
            foreach (var parameter in parameters.Where(p => p.Title != "CommonParameters"))
            {
                if (!parameter.Title.StartsWith('-'))
                    problems.Add($"{name}: parameter heading '{parameter.Title}' must be '### -Name'");
                if (parameter.Prose.Count == 0)
                    problems.Add($"{name}: {parameter.Title} has no description");
                var yaml = parameter.Fences("yaml").ToList();
                if (yaml.Count == 0)
                    problems.Add($"{name}: {parameter.Title} has no ```yaml block");
                foreach (var block in yaml)
                {
                    var keys = ParameterYaml.Parse(InlineText.CodeText(block)).Keys;
                    foreach (var key in YamlKeys.Where(k => !keys.Contains(k)))
                        problems.Add($"{name}: {parameter.Title} yaml lacks '{key}:'");
                }
            }
        }
        AssertNone(problems, "help pages that break the platyPS schema");
    }

    [Fact]
    public void HelpPagesDescribeTheRealParametersOfEachCmdlet()
    {
        var problems = new List<string>();
        var cmdlets = ImportedCmdlets();
        foreach (var name in ManifestCmdlets())
        {
            if (!cmdlets.TryGetValue(name, out var cmdlet))
            {
                problems.Add($"{name} is listed in Bitrix24.psd1 but the module does not export it");
                continue;
            }
            var path = Path.Combine(DocsFolder, name + ".md");
            if (File.Exists(path))
                problems.AddRange(CompareParameters(cmdlet, HelpDocument.Load(path)));
        }
        AssertNone(problems, "help pages that disagree with the cmdlets");
    }

    [Fact]
    public void AboutTopicCoversTheEssentials()
    {
        // platyPS 0.14's about template (New-MarkdownAboutHelp -AboutName Bitrix24): New-ExternalHelp takes a
        // page for an about topic only when its SECOND heading is "## about_<name>", and turns the level-1
        // sections into the topic's headings; anything else is skipped without a warning.
        var page = HelpDocument.Load(Path.Combine(DocsFolder, "about_Bitrix24.md"));
        var headings = page.Headings.Select(h => (h.Level, Title: InlineText.Of(h.Inline))).ToList();
        Assert.Equal((2, "about_Bitrix24"), headings[1]);
        Assert.Equal(
            ["Bitrix24", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "NOTE", "TROUBLESHOOTING NOTE", "SEE ALSO", "KEYWORDS"],
            headings.Where(h => h.Level == 1).Select(h => h.Title));

        var text = File.ReadAllText(Path.Combine(DocsFolder, "about_Bitrix24.md"));
        foreach (var topic in new[]
                 {
                     "Connect-B24", "B24_WEBHOOK_URL", "batch", "-First", "-IncludeTotalCount", "-RequestsPerSecond", "-Burst",
                     "QUERY_LIMIT_EXCEEDED", "FullyQualifiedErrorId", "tests/Bitrix24.Emulator",
                 })
            Assert.Contains(topic, text, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeLinksInDocsAndReadmePointToFiles()
    {
        var problems = new List<string>();
        foreach (var page in Directory.GetFiles(DocsFolder, "*.md").Append(Path.Combine(Root, "README.md")))
        {
            var links = HelpDocument.Load(page).LinkUrls
                .Where(u => u.Length > 0 && !u.StartsWith('#') && !u.Contains("://", StringComparison.Ordinal) && !u.StartsWith("mailto:", StringComparison.Ordinal));
            foreach (var link in links)
            {
                var file = link.Split('#')[0];
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
                if (!File.Exists(target) && !Directory.Exists(target))
                    problems.Add($"{Relative(page)}: broken link {link}");
            }
        }
        AssertNone(problems, "broken links");
    }

    // ---- comparing a page with the cmdlet PowerShell actually loads ----

    private static IEnumerable<string> CompareParameters(CmdletInfo cmdlet, HelpDocument page)
    {
        // SYNTAX is held to Get-Command -Syntax by the Pester help test; here each parameter's yaml is held to
        // the metadata PowerShell binds with.
        var name = cmdlet.Name;
        var actual = cmdlet.Parameters.Values
            .Where(p => !Cmdlet.CommonParameters.Contains(p.Name))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var documented = (page.Section("PARAMETERS")?.Children ?? [])
            .Where(h => h.Title.StartsWith('-'))
            .ToDictionary(h => h.Title[1..], StringComparer.OrdinalIgnoreCase);

        foreach (var missing in actual.Keys.Except(documented.Keys, StringComparer.OrdinalIgnoreCase))
            yield return $"{name}: parameter -{missing} is not documented";
        foreach (var extra in documented.Keys.Except(actual.Keys, StringComparer.OrdinalIgnoreCase))
            yield return $"{name}: documents -{extra}, which the cmdlet does not have";

        foreach (var (parameterName, metadata) in actual)
        {
            if (!documented.TryGetValue(parameterName, out var section))
                continue;
            if (section.Title[1..] != metadata.Name)
                yield return $"{name}: heading {section.Title} should be spelled -{metadata.Name}";
            foreach (var problem in CompareMetadata($"{name} -{metadata.Name}", metadata, section))
                yield return problem;
        }
    }

    private static IEnumerable<string> CompareMetadata(string what, ParameterMetadata metadata, HelpSection section)
    {
        // platyPS writes one yaml block per distinct metadata; each names the parameter sets it is true for.
        var bySet = new Dictionary<string, ParameterYaml>(StringComparer.OrdinalIgnoreCase);
        foreach (var fence in section.Fences("yaml"))
        {
            var yaml = ParameterYaml.Parse(InlineText.CodeText(fence));
            foreach (var set in yaml.ParameterSets)
                bySet[set] = yaml;

            if (yaml.Type != metadata.ParameterType.Name)
                yield return $"{what}: Type is '{yaml.Type}', the cmdlet says '{metadata.ParameterType.Name}'";
            if (!yaml.Aliases.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(metadata.Aliases))
                yield return $"{what}: Aliases are [{string.Join(", ", yaml.Aliases)}], the cmdlet says [{string.Join(", ", metadata.Aliases)}]";
        }

        var sets = metadata.ParameterSets.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!sets.SetEquals(bySet.Keys))
        {
            yield return $"{what}: Parameter Sets are [{string.Join(", ", bySet.Keys.Select(ParameterYaml.SetLabel))}], "
                + $"the cmdlet says [{string.Join(", ", sets.Select(ParameterYaml.SetLabel))}]";
            yield break;
        }

        foreach (var (set, expected) in metadata.ParameterSets)
        {
            var yaml = bySet[set];
            var label = $"{what} ({ParameterYaml.SetLabel(set)})";
            if (yaml.Required != expected.IsMandatory)
                yield return $"{label}: Required is '{yaml["Required"]}', the cmdlet says {expected.IsMandatory}";
            var position = expected.Position == int.MinValue ? "Named" : expected.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(yaml.Position, position, StringComparison.OrdinalIgnoreCase))
                yield return $"{label}: Position is '{yaml.Position}', the cmdlet says {position}";
            var pipeline = PipelineText(expected);
            if (!string.Equals(yaml.PipelineInput, pipeline, StringComparison.OrdinalIgnoreCase))
                yield return $"{label}: Accept pipeline input is '{yaml.PipelineInput}', the cmdlet says '{pipeline}'";
        }
    }

    private static string PipelineText(ParameterSetMetadata set)
    {
        var kinds = new List<string>();
        if (set.ValueFromPipelineByPropertyName)
            kinds.Add("ByPropertyName");
        if (set.ValueFromPipeline)
            kinds.Add("ByValue");
        return kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
    }
}
