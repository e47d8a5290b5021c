using System.Text;
using Markdig.Syntax;

namespace Bitrix24.HelpBuilder;

/// <summary>
/// Writes an about topic as platyPS 0.14's TextRenderer does: the first heading becomes TOPIC, the second (the
/// "## about_Name" line) the indented lower-case topic name, level-1 headings upper case, text indented four
/// spaces and wrapped at 80 columns, code blocks indented as they are.
/// </summary>
public static class AboutTopicWriter
{
    private const string Indent = "    ";
    private const int Width = 80;

    /// <summary>platyPS takes a page as an about topic only when its second heading is "## about_…".</summary>
    public static bool IsAboutPage(HelpDocument page)
        => page.Headings.Skip(1).FirstOrDefault() is { Level: 2 } second && InlineText.Of(second.Inline).StartsWith("about_", StringComparison.Ordinal);

    public static string Render(HelpDocument page)
    {
        var text = new StringBuilder();
        var headingIndex = 0;
        foreach (var block in page.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var title = InlineText.Of(heading.Inline);
                    if (headingIndex == 0)
                        text.Append("TOPIC\n");
                    else if (headingIndex == 1 && heading.Level == 2)
                        text.Append(Indent).Append(title.ToLowerInvariant()).Append("\n\n");
                    else if (heading.Level == 1)
                        text.Append(title.ToUpperInvariant()).Append('\n');
                    else if (heading.Level == 2)
                        text.Append(title).Append('\n');
                    else
                        text.Append(Indent).Append(title.ToUpperInvariant()).Append('\n');
                    headingIndex++;
                    break;
                case CodeBlock code:
                    foreach (var line in InlineText.CodeText(code).Split('\n'))
                        text.Append((Indent + line).TrimEnd()).Append('\n');
                    text.Append('\n');
                    break;
                default:
                    foreach (var paragraph in InlineText.Paragraphs(new[] { block }))
                    {
                        foreach (var line in paragraph.Split('\n'))
                            Wrap(text, line, ListIndent(paragraph));
                        text.Append('\n');
                    }
                    break;
            }
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    // A list item's continuation lines line up with its text.
    private static string ListIndent(string paragraph)
        => paragraph.StartsWith("- ", StringComparison.Ordinal) ? "  "
            : System.Text.RegularExpressions.Regex.Match(paragraph, @"^\d+[.)] ") is { Success: true } m ? new string(' ', m.Length) : "";

    private static void Wrap(StringBuilder text, string paragraph, string hanging)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && Indent.Length + line.Length + 1 + word.Length > Width)
            {
                text.Append(Indent).Append(line).Append('\n');
                line.Clear().Append(hanging);
            }
            else if (line.Length > 0 && line.ToString() != hanging)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
            text.Append(Indent).Append(line).Append('\n');
    }
}
