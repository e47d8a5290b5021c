using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bitrix24.HelpBuilder;

/// <summary>Reads a cmdlet page (platyPS schema 2.0.0) into the help model, as platyPS's ModelTransformerVersion2 does.</summary>
public static class CommandPageReader
{
    public static CommandHelp Read(HelpDocument page)
    {
        var top = page.Sections.FirstOrDefault(s => s.Level == 1)
            ?? throw new InvalidDataException($"{page.Path}: no '# <cmdlet name>' heading");
        HelpSection Section(string title) => top.Child(title) ?? new HelpSection(2, title, null);

        var parameters = Section("PARAMETERS").Children
            .Where(p => p.Title.StartsWith('-'))
            .Select(ReadParameter)
            .ToList();

        return new CommandHelp(
            top.Title,
            InlineText.Paragraphs(Section("SYNOPSIS").Blocks),
            InlineText.Paragraphs(Section("DESCRIPTION").Blocks),
            ReadSyntax(Section("SYNTAX"), parameters),
            parameters.Select(p => p.First()).ToList(),
            ReadTypes(Section("INPUTS")),
            ReadTypes(Section("OUTPUTS")),
            InlineText.Paragraphs(Section("NOTES").Blocks),
            Section("EXAMPLES").Children.Select(ReadExample).ToList(),
            ReadLinks(Section("RELATED LINKS")));
    }

    /// <summary>One ParameterHelp per yaml block: platyPS writes a block per distinct metadata, naming its sets.</summary>
    private static List<ParameterHelp> ReadParameter(HelpSection section)
    {
        var name = section.Title.TrimStart('-');
        var description = InlineText.Paragraphs(section.Blocks.Where(b => b is not FencedCodeBlock f || HelpSection.FenceLanguage(f) != "yaml"));
        var blocks = section.Fences("yaml").Select(f => new ParameterHelp(name, description, ParameterYaml.Parse(InlineText.CodeText(f)))).ToList();
        if (blocks.Count == 0)
            throw new InvalidDataException($"parameter {section.Title} has no ```yaml block");
        return blocks;
    }

    private static List<SyntaxHelp> ReadSyntax(HelpSection syntax, List<List<ParameterHelp>> parameters)
    {
        var sets = syntax.Children.Count == 0
            ? new[] { (Name: ParameterYaml.AllSets, Code: syntax.Fences().FirstOrDefault()) }
            : syntax.Children.Select(c => (Name: Regex.Replace(c.Title, @"\s*\(Default\)$", ""), Code: c.Fences().FirstOrDefault())).ToArray();

        var result = new List<SyntaxHelp>();
        foreach (var (setName, code) in sets)
        {
            var text = code is null ? "" : InlineText.CodeText(code);
            // The order the page shows (that of Get-Command -Syntax); a parameter the block lacks goes last.
            int Order(string parameter) => Regex.Match(text, $@"(?<![\w-])-{Regex.Escape(parameter)}(?![\w-])", RegexOptions.IgnoreCase) is { Success: true } m ? m.Index : int.MaxValue;
            var members = parameters
                .Select(blocks => blocks.FirstOrDefault(p => p.Metadata.AppliesTo(setName)) ?? (setName == ParameterYaml.AllSets ? blocks[0] : null))
                .OfType<ParameterHelp>()
                .OrderBy(p => Order(p.Name))
                .ToList();
            result.Add(new SyntaxHelp(setName, members));
        }
        return result;
    }

    private static List<TypeHelp> ReadTypes(HelpSection section)
        => section.Children.Select(c => new TypeHelp(c.Title, InlineText.Paragraphs(c.Blocks))).ToList();

    private static ExampleHelp ReadExample(HelpSection example)
        => new(
            example.Title,
            example.Blocks.OfType<FencedCodeBlock>().Select(InlineText.CodeText).ToList(),
            InlineText.Paragraphs(example.Blocks.Where(b => b is not FencedCodeBlock)));

    private static List<LinkHelp> ReadLinks(HelpSection section)
        => section.Blocks.OfType<ParagraphBlock>()
            .SelectMany(p => p.Inline?.Descendants<LinkInline>() ?? Enumerable.Empty<LinkInline>())
            .Where(l => !l.IsImage)
            .Select(l => new LinkHelp(InlineText.LinkText(l), l.Url ?? ""))
            .ToList();
}
