using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bitrix24.HelpBuilder;

/// <summary>
/// Plain text of markdown as help shows it: what the markdown means, literally. Emphasis markers and escapes are
/// resolved by Markdig (so `***` inside a code span stays `***`), code spans keep their backticks and links read
/// "text (url)", as platyPS 0.14 writes them; a paragraph is one line unless it has a hard break.
/// </summary>
public static class InlineText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString().Trim();
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                return;
            // A soft break is a space (the help engine wraps paragraphs to the console); a hard break stays a line break.
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case HtmlInline html:
                text.Append(html.Tag);
                return;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                return;
            case LinkInline { IsImage: true }:
                return;
            case LinkInline link:
                var start = text.Length;
                AppendChildren(text, link);
                var url = link.Url ?? "";
                if (IsAbsolute(url) && text.ToString(start, text.Length - start) != url)
                    text.Append(" (").Append(url).Append(')');
                return;
            case ContainerInline container:
                AppendChildren(text, container);
                return;
        }
    }

    /// <summary>A link's own text, without the " (url)" that running text gets.</summary>
    public static string LinkText(LinkInline link)
    {
        var text = new StringBuilder();
        AppendChildren(text, link);
        return text.ToString().Trim();
    }

    private static void AppendChildren(StringBuilder text, ContainerInline container)
    {
        foreach (var child in container)
            Append(text, child);
    }

    public static bool IsAbsolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The paragraphs help shows for a run of blocks: one per paragraph, code block, list item or quote line.</summary>
    public static List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var paragraphs = new List<string>();
        foreach (var block in blocks)
            AddParagraphs(paragraphs, block);
        return paragraphs;
    }

    private static void AddParagraphs(List<string> paragraphs, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                paragraphs.Add(Of(paragraph.Inline));
                break;
            case HeadingBlock heading:
                paragraphs.Add(Of(heading.Inline));
                break;
            case CodeBlock code:
                paragraphs.Add(CodeText(code));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var first) ? first : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "- ";
                    var body = string.Join("\n", Paragraphs(item)).Replace("\n", "\n" + new string(' ', marker.Length));
                    paragraphs.Add(marker + body);
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                    AddParagraphs(paragraphs, child);
                break;
        }
    }

    /// <summary>The text of a fenced or indented code block, without the fences.</summary>
    public static string CodeText(LeafBlock code)
    {
        var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString());
        return string.Join("\n", lines).TrimEnd('\n');
    }
}
