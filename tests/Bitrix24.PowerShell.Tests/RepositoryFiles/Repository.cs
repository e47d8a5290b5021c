using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Bitrix24.ScriptHost;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// The repository as the file tests see it: where its root is, which files it holds, what the module manifest
/// exports and what PowerShell actually loads, and a way to report every problem at once.
/// </summary>
internal static class Repository
{
    private static readonly string[] SkippedFolders = { "bin", "obj", "out", ".git", "TestResults", "node_modules" };

    private static readonly Lazy<string> RootPath = new(() => FindRoot());

    internal static string Root => RootPath.Value;

    internal static string DocsFolder => Path.Combine(Root, "docs");

    internal static IReadOnlyList<string> ManifestCmdlets()
    {
        var ast = Parser.ParseFile(Path.Combine(Root, "Bitrix24.psd1"), out _, out var errors);
        Assert.Empty(errors);
        var table = (HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!;
        var entry = table.KeyValuePairs.Single(p => p.Item1 is StringConstantExpressionAst { Value: "CmdletsToExport" });
        return entry.Item2.FindAll(a => a is StringConstantExpressionAst, searchNestedScriptBlocks: false)
            .Cast<StringConstantExpressionAst>().Select(s => s.Value).ToList();
    }

    /// <summary>The cmdlets as PowerShell binds them (parameters from the real attributes of the built dll).</summary>
    internal static Dictionary<string, CmdletInfo> ImportedCmdlets()
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

    internal static string[] CmdletPages()
        => Directory.GetFiles(DocsFolder, "*-*.md").Where(p => !Path.GetFileName(p).StartsWith("about_", StringComparison.Ordinal)).ToArray();

    internal static IEnumerable<string> FilesMatching(string pattern)
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

    internal static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    internal static string Describe(string file, ParseError error)
        => $"{Relative(file)}:{error.Extent.StartLineNumber}: {error.Message}";

    internal static void AssertNone(IReadOnlyCollection<string> problems, string what)
        => Assert.True(problems.Count == 0, $"{problems.Count} {what}:\n  " + string.Join("\n  ", problems));
}
