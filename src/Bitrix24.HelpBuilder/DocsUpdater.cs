using System.Text;
using System.Text.Json;
using Markdig.Syntax;

namespace Bitrix24.HelpBuilder;

/// <summary>
/// Refreshes pages from the compiled module, as platyPS's Update-MarkdownHelp does for the parts the code owns:
/// the SYNTAX section (exactly what Get-Command -Syntax prints, wrapped), and in every parameter yaml block the
/// Type, Aliases, Required, Position and Accept pipeline input. A parameter the page lacks gets a stub section
/// ("{{ Fill ... }}", which the help tests refuse); a documented parameter the cmdlet lost is reported.
/// The metadata comes from tools/Update-HelpPages.ps1, which imports the built module in pwsh.
/// </summary>
public static class DocsUpdater
{
    private const int Width = 110;

    public sealed record SetInfo(string Name, bool IsDefault, string Syntax);
    public sealed record ParameterSetInfo(string Name, bool Required, string Position, string Pipeline);
    public sealed record ParameterInfo(string Name, string Type, string[] Aliases, ParameterSetInfo[] Sets);
    public sealed record CmdletInfo(string Name, SetInfo[] Sets, ParameterInfo[] Parameters);

    public static int Run(string docs, string metadataPath)
    {
        var cmdlets = JsonSerializer.Deserialize<CmdletInfo[]>(File.ReadAllText(metadataPath), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? Array.Empty<CmdletInfo>();
        foreach (var cmdlet in cmdlets)
        {
            var path = Path.Combine(docs, cmdlet.Name + ".md");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"warning: docs/{cmdlet.Name}.md is missing (platyPS New-MarkdownHelp writes a first draft)");
                continue;
            }
            var before = File.ReadAllText(path);
            var after = Update(HelpDocument.Parse(path, before), cmdlet);
            if (after != before)
            {
                File.WriteAllText(path, after, new UTF8Encoding(false));
                Console.WriteLine($"updated docs/{cmdlet.Name}.md");
            }
        }
        return 0;
    }

    public static string Update(HelpDocument page, CmdletInfo cmdlet)
    {
        // Edits as (start, length, replacement) over the original text, applied from the end.
        var edits = new List<(int Start, int Length, string Text)>();
        var top = page.Sections.First(s => s.Level == 1);

        if (top.Child("SYNTAX") is { Heading: not null } syntax)
        {
            var start = syntax.Heading.Span.End + 1;
            var next = top.Children.SkipWhile(c => c != syntax).Skip(1).FirstOrDefault()?.Heading;
            var end = next?.Span.Start ?? page.Text.Length;
            edits.Add((start, end - start, "\n\n" + SyntaxSection(cmdlet) + "\n"));
        }

        if (top.Child("PARAMETERS") is { } parameters)
        {
            var documented = parameters.Children.Where(c => c.Title.StartsWith('-')).ToList();
            foreach (var section in documented)
            {
                var info = cmdlet.Parameters.FirstOrDefault(p => p.Name.Equals(section.Title.TrimStart('-'), StringComparison.OrdinalIgnoreCase));
                if (info is null)
                {
                    Console.Error.WriteLine($"warning: {cmdlet.Name} documents {section.Title}, which the cmdlet does not have: remove it");
                    continue;
                }
                foreach (var fence in section.Fences("yaml"))
                    edits.Add(YamlEdit(page, fence, info));
            }
            var common = parameters.Child("CommonParameters")?.Heading;
            var missing = cmdlet.Parameters.Where(p => !documented.Any(d => d.Title.TrimStart('-').Equals(p.Name, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0 && common is not null)
                edits.Add((common.Span.Start, 0, string.Concat(missing.Select(Stub))));
        }

        var text = new StringBuilder(page.Text);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
            text.Remove(start, length).Insert(start, replacement);
        return text.ToString();
    }

    private static string SyntaxSection(CmdletInfo cmdlet)
    {
        if (cmdlet.Sets.Length == 1)
            return Fence(cmdlet.Sets[0].Syntax);
        return string.Join("\n", cmdlet.Sets.Select(s => $"### {s.Name}{(s.IsDefault ? " (Default)" : "")}\n{Fence(s.Syntax)}"));
    }

    // platyPS wraps syntax lines near 110 columns and indents the continuation by one space.
    private static string Fence(string syntax)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var token in SyntaxTokens(syntax))
        {
            if (line.Length > 0 && line.Length + 1 + token.Length > Width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(' ');
            }
            else if (line.Length > 0 && line.ToString() != " ")
            {
                line.Append(' ');
            }
            line.Append(token);
        }
        lines.Add(line.ToString());
        return "```\n" + string.Join("\n", lines) + "\n```\n";
    }

    /// <summary>Syntax split into its bracketed items, so a line never breaks inside "[-Name <type>]".</summary>
    private static IEnumerable<string> SyntaxTokens(string syntax)
    {
        var depth = 0;
        var token = new StringBuilder();
        foreach (var c in syntax.Trim())
        {
            if (c == ' ' && depth == 0)
            {
                if (token.Length > 0)
                    yield return token.ToString();
                token.Clear();
                continue;
            }
            depth += c is '[' or '<' ? 1 : c is ']' or '>' ? -1 : 0;
            token.Append(c);
        }
        if (token.Length > 0)
            yield return token.ToString();
    }

    private static (int, int, string) YamlEdit(HelpDocument page, FencedCodeBlock fence, ParameterInfo info)
    {
        var yaml = ParameterYaml.Parse(InlineText.CodeText(fence));
        var set = info.Sets.FirstOrDefault(s => yaml.AppliesTo(s.Name)) ?? info.Sets[0];
        var values = new Dictionary<string, string>
        {
            ["Type"] = info.Type,
            ["Aliases"] = string.Join(", ", info.Aliases),
            ["Required"] = set.Required ? "True" : "False",
            ["Position"] = set.Position,
            ["Accept pipeline input"] = set.Pipeline,
        };
        var first = fence.Lines.Lines[0];
        var start = first.Position;
        var end = fence.Lines.Lines[fence.Lines.Count - 1].Slice.End + 1;
        var lines = page.Text.Substring(start, end - start).Split('\n').Select(line =>
        {
            var colon = line.IndexOf(':');
            return colon > 0 && values.TryGetValue(line[..colon], out var value) ? $"{line[..colon]}: {value}".TrimEnd() : line;
        });
        return (start, end - start, string.Join("\n", lines));
    }

    private static string Stub(ParameterInfo info)
    {
        var sets = info.Sets.Any(s => s.Name == ParameterYaml.AllSets) ? "(All)" : string.Join(", ", info.Sets.Select(s => s.Name));
        var set = info.Sets[0];
        return $"### -{info.Name}\n{{{{ Fill {info.Name} Description }}}}\n\n```yaml\nType: {info.Type}\nParameter Sets: {sets}\n"
            + $"Aliases: {string.Join(", ", info.Aliases)}\n\nRequired: {(set.Required ? "True" : "False")}\nPosition: {set.Position}\n"
            + $"Default value: None\nAccept pipeline input: {set.Pipeline}\nAccept wildcard characters: False\n```\n\n";
    }
}
