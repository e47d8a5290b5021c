using Bitrix24.HelpBuilder;
using System.Management.Automation.Language;
using static Bitrix24.PowerShell.Tests.RepositoryFiles.Repository;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// Checks the scripts without pwsh being installed here: every .ps1/.psd1/.psm1 file and every PowerShell example
/// in the docs and README parses, and build.ps1 offers the documented tasks.
/// </summary>
public sealed class ScriptFilesTests
{
    [Fact]
    public void EveryPowerShellFileParses()
    {
        var files = FilesMatching("*.ps1").Concat(FilesMatching("*.psd1")).Concat(FilesMatching("*.psm1")).ToList();
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
            foreach (var fence in HelpDocument.Load(page).Fences("powershell"))
            {
                blocks++;
                Parser.ParseInput(InlineText.CodeText(fence), out _, out var errors);
                problems.AddRange(errors.Select(e => $"{Relative(page)}:{fence.Line + 1 + e.Extent.StartLineNumber}: {e.Message}"));
            }
        }
        Assert.True(blocks > 20, "Expected the docs to hold PowerShell examples; found " + blocks + ".");
        AssertNone(problems, "examples that do not parse");
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
}
