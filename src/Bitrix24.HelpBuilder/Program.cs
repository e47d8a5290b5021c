using System.Text;
using Bitrix24.HelpBuilder;

// build <docs> <out>: MAML and about topics from the pages. update-docs <docs> <metadata.json>: see DocsUpdater.
if (args.Length == 3 && args[0] == "build")
    return Build(args[1], args[2]);
if (args.Length == 3 && args[0] == "update-docs")
    return DocsUpdater.Run(args[1], args[2]);
Console.Error.WriteLine("usage: Bitrix24.HelpBuilder build <docs folder> <output folder>");
Console.Error.WriteLine("       Bitrix24.HelpBuilder update-docs <docs folder> <metadata.json from tools/Update-HelpPages.ps1>");
return 2;

static int Build(string docs, string output)
{
    Directory.CreateDirectory(output);
    var commands = new List<CommandHelp>();
    var problems = new List<string>();
    foreach (var path in Directory.GetFiles(docs, "*.md").Order(StringComparer.Ordinal))
    {
        var page = HelpDocument.Load(path);
        try
        {
            if (AboutTopicWriter.IsAboutPage(page))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                File.WriteAllText(Path.Combine(output, name + ".help.txt"), AboutTopicWriter.Render(page), new UTF8Encoding(false));
            }
            else if (page.FrontMatter.TryGetValue("external help file", out var helpFile) && helpFile.Length > 0)
            {
                commands.Add(CommandPageReader.Read(page));
            }
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{path}: {e.Message}");
        }
    }
    foreach (var problem in problems)
        Console.Error.WriteLine($"error B24HELP: {problem}");
    if (problems.Count > 0)
        return 1;
    MamlWriter.Write(commands, Path.Combine(output, "Bitrix24.PowerShell.dll-Help.xml"));
    Console.WriteLine($"Help for {commands.Count} cmdlet(s) written to {output}");
    return 0;
}
