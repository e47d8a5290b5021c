using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.HelpBuilder;

/// <summary>A heading and what follows it up to the next heading of the same or a higher level.</summary>
public sealed class HelpSection
{
    public HelpSection(int level, string title, HeadingBlock? heading)
    {
        Level = level;
        Title = title;
        Heading = heading;
    }

    public int Level { get; }
    public string Title { get; }
    public HeadingBlock? Heading { get; }

    /// <summary>The blocks before the first sub-heading.</summary>
    public List<Block> Blocks { get; } = new();

    public List<HelpSection> Children { get; } = new();

    public HelpSection? Child(string title) => Children.FirstOrDefault(c => c.Title == title);

    public IEnumerable<FencedCodeBlock> Fences(string? language = null)
        => Blocks.OfType<FencedCodeBlock>().Where(f => language is null || FenceLanguage(f) == language);

    public static string FenceLanguage(FencedCodeBlock fence) => (fence.Info ?? "").Trim().ToLowerInvariant();

    /// <summary>The paragraphs of text before the first sub-heading, code blocks left out.</summary>
    public List<string> Prose => InlineText.Paragraphs(Blocks.Where(b => b is not FencedCodeBlock));
}

/// <summary>
/// One platyPS markdown page read with Markdig (CommonMark) and its YAML front matter with YamlDotNet: the
/// blocks in file order and the heading tree over them.
/// </summary>
public sealed class HelpDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private HelpDocument(string path, string text, MarkdownDocument markdown)
    {
        Path = path;
        Text = text;
        Markdown = markdown;
    }

    public string Path { get; }
    public string Text { get; }
    public MarkdownDocument Markdown { get; }

    /// <summary>Front matter keys and values ("online version:" has an empty value).</summary>
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.Ordinal);

    /// <summary>The top-level blocks after the front matter, in file order.</summary>
    public List<Block> Blocks { get; } = new();

    /// <summary>The outermost sections (content before the first heading lands in Preamble).</summary>
    public List<HelpSection> Sections { get; } = new();

    public HelpSection Preamble { get; } = new(0, "", null);

    public static HelpDocument Load(string path) => Parse(path, File.ReadAllText(path));

    public static HelpDocument Parse(string path, string text)
    {
        var document = new HelpDocument(path, text, Markdig.Markdown.Parse(text, Pipeline));
        var open = new Stack<HelpSection>();
        open.Push(document.Preamble);
        foreach (var block in document.Markdown)
        {
            if (block is YamlFrontMatterBlock yaml)
            {
                document.ReadFrontMatter(yaml.Lines.ToString());
                continue;
            }
            document.Blocks.Add(block);
            if (block is HeadingBlock heading)
            {
                while (open.Peek().Level >= heading.Level)
                    open.Pop();
                var section = new HelpSection(heading.Level, InlineText.Of(heading.Inline), heading);
                (open.Peek() == document.Preamble ? document.Sections : open.Peek().Children).Add(section);
                open.Push(section);
            }
            else
            {
                open.Peek().Blocks.Add(block);
            }
        }
        return document;
    }

    public IEnumerable<HeadingBlock> Headings => Blocks.OfType<HeadingBlock>();

    /// <summary>Every fenced code block of the page (nested ones too) in this language.</summary>
    public IEnumerable<FencedCodeBlock> Fences(string language)
        => Markdown.Descendants<FencedCodeBlock>().Where(f => HelpSection.FenceLanguage(f) == language);

    /// <summary>The targets of every link on the page, as written.</summary>
    public IEnumerable<string> LinkUrls => Markdown.Descendants<Markdig.Syntax.Inlines.LinkInline>().Select(l => l.Url ?? "");

    /// <summary>The level-2 section with this title anywhere under the first level-1 heading.</summary>
    public HelpSection? Section(string title)
        => Sections.SelectMany(s => s.Children.Prepend(s)).FirstOrDefault(s => s.Level == 2 && s.Title == title);

    /// <summary>The source text of a block, as written.</summary>
    public string SourceOf(Block block) => Text.Substring(block.Span.Start, block.Span.Length);

    private void ReadFrontMatter(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            return;
        foreach (var (key, value) in map.Children)
            FrontMatter[((YamlScalarNode)key).Value ?? ""] = (value as YamlScalarNode)?.Value ?? "";
    }
}
