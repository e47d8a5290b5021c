using System.Management.Automation.Language;
using static Bitrix24.PowerShell.Tests.RepositoryFiles.Repository;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// Checks that the Pester file is Pester 5, without pwsh being installed here.
/// </summary>
public sealed class PesterFileTests
{
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
}
