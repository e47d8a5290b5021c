using System.Management.Automation;
using System.Text.RegularExpressions;
using static Bitrix24.PowerShell.Tests.RepositoryFiles.Repository;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// Checks the help people read: every exported cmdlet has a platyPS help page that follows the schema and matches
/// the real parameters of the cmdlet, the about topic covers the essentials, and relative links point to files.
/// </summary>
public sealed class HelpPagesTests
{
    private static readonly string[] CmdletSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly string[] FrontMatter =
    {
        "external help file: Bitrix24.PowerShell.dll-Help.xml", "Module Name: Bitrix24", "online version:", "schema: 2.0.0",
    };

    private static readonly string[] YamlKeys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input",
        "Accept wildcard characters",
    };

    [Fact]
    public void EveryExportedCmdletHasAPageWithSynopsisAndExamples()
    {
        var problems = new List<string>();
        var exported = ManifestCmdlets();
        Assert.NotEmpty(exported);
        foreach (var name in exported)
        {
            var path = Path.Combine(DocsFolder, name + ".md");
            if (!File.Exists(path))
            {
                problems.Add($"docs/{name}.md is missing");
                continue;
            }
            var page = MarkdownPage.Load(path);
            if (string.IsNullOrWhiteSpace(page.SectionText("SYNOPSIS")))
                problems.Add($"{name}: empty SYNOPSIS");
            var examples = page.Headings(3, under: "EXAMPLES")
                .Where(h => page.FencesUnder(h).Any(f => f.Language == "powershell")).ToList();
            if (examples.Count < 2)
                problems.Add($"{name}: {examples.Count} example(s) with a ```powershell block, at least 2 expected");
        }

        // And no page for a cmdlet that is not exported (a renamed or dropped cmdlet leaves one behind).
        foreach (var page in CmdletPages())
        {
            var name = Path.GetFileNameWithoutExtension(page);
            if (!exported.Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"docs/{name}.md documents a cmdlet that Bitrix24.psd1 does not export");
        }
        AssertNone(problems, "help pages missing or incomplete");
    }

    [Fact]
    public void HelpPagesFollowThePlatyPsSchema()
    {
        var problems = new List<string>();
        var pages = CmdletPages();
        Assert.NotEmpty(pages);
        foreach (var path in pages)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var page = MarkdownPage.Load(path);

            foreach (var line in FrontMatter.Where(l => !page.FrontMatter.Contains(l)))
                problems.Add($"{name}: front matter lacks '{line}'");
            if (page.Headings(1).Select(h => h.Text).SingleOrDefault() != name)
                problems.Add($"{name}: the only level-1 heading must be '# {name}'");

            var sections = page.Headings(2).Select(h => h.Text).ToList();
            if (!sections.SequenceEqual(CmdletSections))
                problems.Add($"{name}: sections are [{string.Join(", ", sections)}], expected [{string.Join(", ", CmdletSections)}]");

            var syntax = page.Headings(2).FirstOrDefault(h => h.Text == "SYNTAX");
            if (syntax is null || !page.FencesUnder(syntax, untilLevel: 2).Any(f => f.Language == "" && f.Text.Contains("[<CommonParameters>]")))
                problems.Add($"{name}: SYNTAX needs plain ``` blocks ending in [<CommonParameters>]");

            var examples = page.Headings(3, under: "EXAMPLES").ToList();
            for (var i = 0; i < examples.Count; i++)
            {
                if (!Regex.IsMatch(examples[i].Text, $"^Example {i + 1}: \\S"))
                    problems.Add($"{name}: example heading '{examples[i].Text}' should be 'Example {i + 1}: <title>'");
                if (string.IsNullOrWhiteSpace(page.TextUnder(examples[i])))
                    problems.Add($"{name}: '{examples[i].Text}' has no explanation");
            }

            var parameters = page.Headings(3, under: "PARAMETERS").ToList();
            if (parameters.LastOrDefault()?.Text != "CommonParameters"
                || !page.TextUnder(parameters.Last()).Contains("about_CommonParameters", StringComparison.Ordinal))
                problems.Add($"{name}: PARAMETERS must end with '### CommonParameters' and the standard sentence");
            foreach (var parameter in parameters.Where(p => p.Text != "CommonParameters"))
            {
                if (!parameter.Text.StartsWith('-'))
                    problems.Add($"{name}: parameter heading '{parameter.Text}' must be '### -Name'");
                if (string.IsNullOrWhiteSpace(page.TextUnder(parameter)))
                    problems.Add($"{name}: {parameter.Text} has no description");
                var yaml = page.FencesUnder(parameter).Where(f => f.Language == "yaml").ToList();
                if (yaml.Count == 0)
                    problems.Add($"{name}: {parameter.Text} has no ```yaml block");
                foreach (var block in yaml)
                {
                    var keys = YamlBlock.Parse(block.Text).Keys;
                    foreach (var key in YamlKeys.Where(k => !keys.Contains(k)))
                        problems.Add($"{name}: {parameter.Text} yaml lacks '{key}:'");
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
                problems.AddRange(CompareParameters(cmdlet, MarkdownPage.Load(path)));
        }
        AssertNone(problems, "help pages that disagree with the cmdlets");
    }

    [Fact]
    public void AboutTopicCoversTheEssentials()
    {
        // platyPS 0.14's about template (New-MarkdownAboutHelp -AboutName Bitrix24): New-ExternalHelp takes a
        // page for an about topic only when its SECOND heading is "## about_<name>", and turns the level-1
        // sections into the topic's headings; anything else is skipped without a warning.
        var page = MarkdownPage.Load(Path.Combine(DocsFolder, "about_Bitrix24.md"));
        Assert.Equal("about_Bitrix24", page.Headings(2).First().Text);
        Assert.True(page.Headings(2).First().Index < page.Headings(1).Skip(1).First().Index, "## about_Bitrix24 must be the second heading");
        Assert.Equal(
            ["Bitrix24", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "NOTE", "TROUBLESHOOTING NOTE", "SEE ALSO", "KEYWORDS"],
            page.Headings(1).Select(h => h.Text));

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
            foreach (Match link in Regex.Matches(File.ReadAllText(page), @"\]\((?!https?:|#)([^)\s#]+)"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, link.Groups[1].Value));
                if (!File.Exists(target) && !Directory.Exists(target))
                    problems.Add($"{Relative(page)}: broken link {link.Groups[1].Value}");
            }
        }
        AssertNone(problems, "broken links");
    }

    // ---- comparing a page with the cmdlet PowerShell actually loads ----

    private static IEnumerable<string> CompareParameters(CmdletInfo cmdlet, MarkdownPage page)
    {
        var name = cmdlet.Name;
        var actual = cmdlet.Parameters.Values
            .Where(p => !Cmdlet.CommonParameters.Contains(p.Name))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var documented = page.Headings(3, under: "PARAMETERS")
            .Where(h => h.Text.StartsWith('-'))
            .ToDictionary(h => h.Text[1..], StringComparer.OrdinalIgnoreCase);

        foreach (var missing in actual.Keys.Except(documented.Keys, StringComparer.OrdinalIgnoreCase))
            yield return $"{name}: parameter -{missing} is not documented";
        foreach (var extra in documented.Keys.Except(actual.Keys, StringComparer.OrdinalIgnoreCase))
            yield return $"{name}: documents -{extra}, which the cmdlet does not have";

        foreach (var (parameterName, metadata) in actual)
        {
            if (!documented.TryGetValue(parameterName, out var heading))
                continue;
            if (heading.Text[1..] != metadata.Name)
                yield return $"{name}: heading {heading.Text} should be spelled -{metadata.Name}";
            foreach (var problem in CompareMetadata($"{name} -{metadata.Name}", metadata, page, heading))
                yield return problem;
        }

        foreach (var problem in CompareSyntax(cmdlet, page, actual.Keys))
            yield return problem;
    }

    private static IEnumerable<string> CompareMetadata(string what, ParameterMetadata metadata, MarkdownPage page, Heading heading)
    {
        // platyPS writes one yaml block per distinct metadata; each names the parameter sets it is true for.
        var bySet = new Dictionary<string, YamlBlock>(StringComparer.OrdinalIgnoreCase);
        foreach (var fence in page.FencesUnder(heading).Where(f => f.Language == "yaml"))
        {
            var yaml = YamlBlock.Parse(fence.Text);
            foreach (var set in yaml.ParameterSets)
                bySet[set] = yaml;

            if (yaml["Type"] != metadata.ParameterType.Name)
                yield return $"{what}: Type is '{yaml["Type"]}', the cmdlet says '{metadata.ParameterType.Name}'";
            var aliases = yaml.List("Aliases");
            if (!aliases.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(metadata.Aliases))
                yield return $"{what}: Aliases are [{string.Join(", ", aliases)}], the cmdlet says [{string.Join(", ", metadata.Aliases)}]";
        }

        var sets = metadata.ParameterSets.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!sets.SetEquals(bySet.Keys))
        {
            yield return $"{what}: Parameter Sets are [{string.Join(", ", bySet.Keys.Select(YamlBlock.SetLabel))}], "
                + $"the cmdlet says [{string.Join(", ", sets.Select(YamlBlock.SetLabel))}]";
            yield break;
        }

        foreach (var (set, expected) in metadata.ParameterSets)
        {
            var yaml = bySet[set];
            var label = $"{what} ({YamlBlock.SetLabel(set)})";
            var required = expected.IsMandatory ? "True" : "False";
            if (!string.Equals(yaml["Required"], required, StringComparison.OrdinalIgnoreCase))
                yield return $"{label}: Required is '{yaml["Required"]}', the cmdlet says {required}";
            var position = expected.Position == int.MinValue ? "Named" : expected.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(yaml["Position"], position, StringComparison.OrdinalIgnoreCase))
                yield return $"{label}: Position is '{yaml["Position"]}', the cmdlet says {position}";
            var pipeline = PipelineText(expected);
            if (!string.Equals(yaml["Accept pipeline input"], pipeline, StringComparison.OrdinalIgnoreCase))
                yield return $"{label}: Accept pipeline input is '{yaml["Accept pipeline input"]}', the cmdlet says '{pipeline}'";
        }
    }

    private static IEnumerable<string> CompareSyntax(CmdletInfo cmdlet, MarkdownPage page, IEnumerable<string> documentedParameters)
    {
        var syntax = page.Headings(2).FirstOrDefault(h => h.Text == "SYNTAX");
        if (syntax is null)
            yield break;
        var blocks = page.FencesUnder(syntax, untilLevel: 2).Where(f => f.Language == "").ToList();
        var headings = page.Headings(3, under: "SYNTAX").ToList();
        var sets = cmdlet.ParameterSets;

        if (blocks.Count != sets.Count)
        {
            yield return $"{cmdlet.Name}: SYNTAX has {blocks.Count} block(s), the cmdlet has {sets.Count} parameter set(s)";
            yield break;
        }
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            if (sets.Count > 1)
            {
                var expectedHeading = set.Name + (set.IsDefault ? " (Default)" : "");
                var heading = headings.FirstOrDefault(h => h.Text == expectedHeading);
                if (heading is null)
                {
                    yield return $"{cmdlet.Name}: SYNTAX lacks '### {expectedHeading}'";
                    continue;
                }
                blocks[i] = page.FencesUnder(heading).First(f => f.Language == "");
            }
            var shown = Regex.Matches(blocks[i].Text, @"(?<![\w-])-(\w+)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var expected = set.Parameters.Select(p => p.Name).Where(p => documentedParameters.Contains(p, StringComparer.OrdinalIgnoreCase))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!shown.SetEquals(expected))
                yield return $"{cmdlet.Name}: SYNTAX of set '{set.Name}' shows [{string.Join(" ", shown.Order())}], "
                    + $"the set has [{string.Join(" ", expected.Order())}]";
            if (!blocks[i].Text.TrimStart().StartsWith(cmdlet.Name + " ", StringComparison.Ordinal))
                yield return $"{cmdlet.Name}: SYNTAX of set '{set.Name}' must start with the cmdlet name";
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
