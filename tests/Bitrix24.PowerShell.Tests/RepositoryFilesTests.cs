using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using Bitrix24.ScriptHost;
using Xunit;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// Checks the files people read and run without pwsh being installed here: every script parses, every exported
/// cmdlet has a platyPS help page that matches its real parameters, the Pester file is Pester 5, and the README
/// and CI script show the commands they promise.
/// </summary>
public sealed class RepositoryFilesTests
{
    private const string TestCommand = "dotnet test Bitrix24.PowerShell.sln -c Release";
    private const string DemoCommand = "dotnet run --project tests/Bitrix24.ScriptHost -c Release";

    private static readonly string[] SkippedFolders = { "bin", "obj", "out", ".git", "TestResults", "node_modules" };

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

    private static readonly Lazy<string> RootPath = new(() => FindRoot());

    private static string Root => RootPath.Value;

    private static string DocsFolder => Path.Combine(Root, "docs");

    [Fact]
    public void EveryPowerShellFileParses()
    {
        var files = RepositoryFiles("*.ps1").Concat(RepositoryFiles("*.psd1")).Concat(RepositoryFiles("*.psm1")).ToList();
        Assert.Contains(files, f => Path.GetFileName(f) == "build.ps1");
        Assert.Contains(files, f => Path.GetFileName(f) == "Bitrix24.psd1");

        var problems = new List<string>();
        foreach (var file in files)
        {
            Parser.ParseFile(file, out _, out var errors);
            problems.AddRange(errors.Select(e => Describe(file, e)));
        }
        AssertNone(problems, "PowerShell parse errors");
    }

    [Fact]
    public void ExamplesInTheDocsAndReadmeAreValidPowerShell()
    {
        var pages = Directory.GetFiles(DocsFolder, "*.md").Append(Path.Combine(Root, "README.md"));
        var problems = new List<string>();
        var blocks = 0;
        foreach (var page in pages)
        {
            foreach (var fence in MarkdownPage.Load(page).Fences.Where(f => f.Language == "powershell"))
            {
                blocks++;
                Parser.ParseInput(fence.Text, out _, out var errors);
                problems.AddRange(errors.Select(e => $"{Relative(page)}:{fence.Line + e.Extent.StartLineNumber}: {e.Message}"));
            }
        }
        Assert.True(blocks > 20, "Expected the docs to hold PowerShell examples; found " + blocks + ".");
        AssertNone(problems, "examples that do not parse");
    }

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
        var page = MarkdownPage.Load(Path.Combine(DocsFolder, "about_Bitrix24.md"));
        Assert.Equal("about_Bitrix24", page.Headings(1).First().Text);
        var sections = page.Headings(2).Select(h => h.Text).ToList();
        Assert.Equal(new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" }, sections.Take(2));
        Assert.Contains("SEE ALSO", sections);

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

    [Fact]
    public void PesterTestsUsePester5Syntax()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "tests", "Pester"), "*.Tests.ps1");
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var ast = Parser.ParseFile(file, out _, out var errors);
            problems.AddRange(errors.Select(e => Describe(file, e)));
            problems.AddRange(PesterRules.Check(ast).Select(p => $"{Relative(file)}:{p}"));
        }
        AssertNone(problems, "Pester 5 rule violations");
    }

    [Fact]
    public void ReadmeAndCiShowTheCommandsANewcomerRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains(DemoCommand, readme, StringComparison.Ordinal);
        Assert.Contains(TestCommand, readme, StringComparison.Ordinal);
        Assert.Contains("Import-Module ./out/Bitrix24/Bitrix24.psd1", readme, StringComparison.Ordinal);

        var ciPath = Path.Combine(Root, ".ci", "run");
        var ci = File.ReadAllText(ciPath);
        Assert.StartsWith("#!/usr/bin/env bash", ci, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", ci, StringComparison.Ordinal);
        Assert.Contains(TestCommand, ci, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(ciPath).HasFlag(UnixFileMode.UserExecute), ".ci/run must be executable");
    }

    [Fact]
    public void BuildScriptOffersTheDocumentedTasks()
    {
        var ast = Parser.ParseFile(Path.Combine(Root, "build.ps1"), out _, out var errors);
        Assert.Empty(errors);
        var task = ast.ParamBlock?.Parameters.SingleOrDefault(p => p.Name.VariablePath.UserPath == "Task");
        Assert.NotNull(task);
        var validateSet = task!.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value);
        Assert.Equal(new[] { "Build", "Test", "Docs", "Package" }, values);
        Assert.Contains(ast.ParamBlock!.Parameters, p => p.Name.VariablePath.UserPath == "Configuration");
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

    // ---- repository access ----

    private static IReadOnlyList<string> ManifestCmdlets()
    {
        var ast = Parser.ParseFile(Path.Combine(Root, "Bitrix24.psd1"), out _, out var errors);
        Assert.Empty(errors);
        var table = (HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!;
        var entry = table.KeyValuePairs.Single(p => p.Item1 is StringConstantExpressionAst { Value: "CmdletsToExport" });
        return entry.Item2.FindAll(a => a is StringConstantExpressionAst, searchNestedScriptBlocks: false)
            .Cast<StringConstantExpressionAst>().Select(s => s.Value).ToList();
    }

    /// <summary>The cmdlets as PowerShell binds them (parameters from the real attributes of the built dll).</summary>
    private static Dictionary<string, CmdletInfo> ImportedCmdlets()
    {
        using var ps = System.Management.Automation.PowerShell.Create(InitialSessionState.CreateDefault2());
        ps.AddCommand("Import-Module").AddParameter("Name", ModuleLocator.ManifestPath).AddParameter("PassThru");
        var module = ps.Invoke<PSModuleInfo>().Single();
        Assert.False(ps.HadErrors, "Import-Module failed: " + string.Join("; ", ps.Streams.Error));
        return new Dictionary<string, CmdletInfo>(module.ExportedCmdlets, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The folder holding the solution. Binaries built with --artifacts-path live outside the repository,
    /// so after walking up from them this falls back to where the build saw out/Bitrix24/ and this source file.
    /// (Reads ModuleLocator's assembly metadata only: its static members need the module built, these tests do not.)</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var bakedModuleOut = typeof(ModuleLocator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "B24ModuleOut")?.Value;
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), bakedModuleOut, Path.GetDirectoryName(sourceFile) };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, ModuleLocator.SolutionFile)))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (" + ModuleLocator.SolutionFile + ") from " + string.Join(", ", starts));
    }

    private static string[] CmdletPages()
        => Directory.GetFiles(DocsFolder, "*-*.md").Where(p => !Path.GetFileName(p).StartsWith("about_", StringComparison.Ordinal)).ToArray();

    private static IEnumerable<string> RepositoryFiles(string pattern)
    {
        var pending = new Stack<string>(new[] { Root });
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.GetFiles(dir, pattern))
                yield return file;
            foreach (var sub in Directory.GetDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                    pending.Push(sub);
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string Describe(string file, ParseError error)
        => $"{Relative(file)}:{error.Extent.StartLineNumber}: {error.Message}";

    private static void AssertNone(IReadOnlyCollection<string> problems, string what)
        => Assert.True(problems.Count == 0, $"{problems.Count} {what}:\n  " + string.Join("\n  ", problems));

    // ---- a reader for the small markdown subset platyPS writes ----

    private sealed record Heading(int Level, string Text, int Index);

    private sealed record Fence(string Language, string Text, int Line, int Index);

    private sealed class MarkdownPage
    {
        private readonly List<object> _items = new(); // Heading | Fence | string (a text line), in file order

        public HashSet<string> FrontMatter { get; } = new(StringComparer.Ordinal);

        public IEnumerable<Fence> Fences => _items.OfType<Fence>();

        public static MarkdownPage Load(string path)
        {
            var page = new MarkdownPage();
            var lines = File.ReadAllLines(path);
            var i = 0;
            if (lines.Length > 0 && lines[0] == "---")
            {
                for (i = 1; i < lines.Length && lines[i] != "---"; i++)
                    page.FrontMatter.Add(lines[i].TrimEnd());
                i++;
            }
            for (; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    var start = i;
                    var body = new List<string>();
                    for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                        body.Add(lines[i]);
                    page._items.Add(new Fence(line[3..].Trim().ToLowerInvariant(), string.Join("\n", body), start + 1, page._items.Count));
                }
                else if (Regex.Match(line, @"^(#{1,6})\s+(.*?)\s*$") is { Success: true } m)
                {
                    page._items.Add(new Heading(m.Groups[1].Length, m.Groups[2].Value, page._items.Count));
                }
                else
                {
                    page._items.Add(line);
                }
            }
            return page;
        }

        public IEnumerable<Heading> Headings(int level, string? under = null)
        {
            var inside = under is null;
            foreach (var heading in _items.OfType<Heading>())
            {
                if (under != null && heading.Level < level)
                    inside = heading.Level == 2 && heading.Text == under;
                else if (inside && heading.Level == level)
                    yield return heading;
            }
        }

        /// <summary>Items after <paramref name="heading"/> up to the next heading of level ≤ untilLevel (default: any).</summary>
        private IEnumerable<object> Under(Heading heading, int untilLevel)
            => _items.Skip(heading.Index + 1).TakeWhile(item => item is not Heading h || h.Level > untilLevel);

        public IEnumerable<Fence> FencesUnder(Heading heading, int untilLevel = 6) => Under(heading, untilLevel).OfType<Fence>();

        public string TextUnder(Heading heading) => string.Join("\n", Under(heading, 6).OfType<string>()).Trim();

        public string SectionText(string h2)
            => Headings(2).FirstOrDefault(h => h.Text == h2) is { } heading ? TextUnder(heading) : "";
    }

    private sealed class YamlBlock
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

    // ---- Pester 5: what the file must look like so that Pester 5 discovery and assertions work ----

    private static class PesterRules
    {
        private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
            { "Describe", "Context", "It", "BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "BeforeDiscovery" };

        private static readonly HashSet<string> Pester4Only = new(StringComparer.OrdinalIgnoreCase)
            { "Assert-MockCalled", "Assert-VerifiableMock", "Assert-VerifiableMocks", "New-PesterOption" };

        // Should's operators and their named parameters in Pester 5.
        private static readonly HashSet<string> ShouldParameters = new(StringComparer.OrdinalIgnoreCase)
        {
            "Not", "Be", "BeExactly", "BeGreaterThan", "BeGreaterOrEqual", "BeLessThan", "BeLessOrEqual", "BeIn",
            "BeLike", "BeLikeExactly", "BeNullOrEmpty", "BeOfType", "BeTrue", "BeFalse", "Contain", "Exist",
            "FileContentMatch", "FileContentMatchExactly", "FileContentMatchMultiline", "HaveCount", "HaveParameter",
            "Match", "MatchExactly", "Throw", "Invoke", "InvokeVerifiable", "ActualValue", "ExpectedValue", "Because",
            "ExpectedMessage", "ErrorId", "ExceptionType", "PassThru", "Times", "Exactly", "ParameterFilter", "Scope",
            "CommandName", "ModuleName", "Type", "RegularExpression", "ExpectedContent",
        };

        public static IEnumerable<string> Check(ScriptBlockAst file)
        {
            var commands = file.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();

            foreach (var command in commands.Where(c => Pester4Only.Contains(c.GetCommandName() ?? "")))
                yield return $"{Line(command)}: {command.GetCommandName()} is Pester 4; use Should -Invoke";

            foreach (var should in commands.Where(c => string.Equals(c.GetCommandName(), "Should", StringComparison.OrdinalIgnoreCase)))
            {
                var first = should.CommandElements.Skip(1).FirstOrDefault();
                if (first is not CommandParameterAst)
                    yield return $"{Line(should)}: '{should.Extent.Text}' is Pester 4 syntax; operators take a dash (Should -Be)";
                foreach (var parameter in should.CommandElements.OfType<CommandParameterAst>())
                {
                    if (!ShouldParameters.Contains(parameter.ParameterName))
                        yield return $"{Line(should)}: Should -{parameter.ParameterName} is not a Pester 5 operator";
                }
            }

            var describes = commands.Where(c => IsBlock(c, "Describe")).ToList();
            if (describes.Count == 0)
                yield return "1: no Describe block";
            foreach (var describe in describes.Where(d => !InsideBlock(d, "Describe") && Body(d) is { } body && FirstCommandName(body) != "BeforeAll"))
                yield return $"{Line(describe)}: a top-level Describe must start with BeforeAll (Pester 5 runs setup there, not at discovery)";

            foreach (var container in commands.Where(c => IsBlock(c, "Describe") || IsBlock(c, "Context")))
            {
                if (Body(container) is not { } body)
                {
                    yield return $"{Line(container)}: {container.GetCommandName()} needs a script block";
                    continue;
                }
                foreach (var statement in body.EndBlock?.Statements ?? Enumerable.Empty<StatementAst>())
                {
                    var name = (statement as PipelineAst)?.PipelineElements.FirstOrDefault() is CommandAst c ? c.GetCommandName() : null;
                    if (name is null || !Blocks.Contains(name))
                        yield return $"{statement.Extent.StartLineNumber}: code directly in {container.GetCommandName()} runs at discovery; move it into BeforeAll or It";
                }
            }

            foreach (var it in commands.Where(c => IsBlock(c, "It")))
            {
                if (Body(it) is { } body && !body.FindAll(a => a is CommandAst c && string.Equals(c.GetCommandName(), "Should", StringComparison.OrdinalIgnoreCase), true).Any())
                    yield return $"{Line(it)}: It block without a Should assertion";
            }
        }

        private static bool IsBlock(CommandAst? command, string name)
            => command != null && string.Equals(command.GetCommandName(), name, StringComparison.OrdinalIgnoreCase);

        private static bool InsideBlock(Ast ast, string name)
        {
            for (var parent = ast.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is CommandAst command && IsBlock(command, name))
                    return true;
            }
            return false;
        }

        private static ScriptBlockAst? Body(CommandAst command)
            => command.CommandElements.OfType<ScriptBlockExpressionAst>().LastOrDefault()?.ScriptBlock;

        private static string? FirstCommandName(ScriptBlockAst body)
            => (body.EndBlock?.Statements.FirstOrDefault() as PipelineAst)?.PipelineElements.FirstOrDefault() is CommandAst c ? c.GetCommandName() : null;

        private static int Line(Ast ast) => ast.Extent.StartLineNumber;
    }
}
