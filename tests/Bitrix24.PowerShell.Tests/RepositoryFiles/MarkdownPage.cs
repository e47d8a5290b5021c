using System.Text.RegularExpressions;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

internal sealed record Heading(int Level, string Text, int Index);

internal sealed record Fence(string Language, string Text, int Line, int Index);

/// <summary>A reader for the small markdown subset platyPS writes.</summary>
internal sealed class MarkdownPage
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
