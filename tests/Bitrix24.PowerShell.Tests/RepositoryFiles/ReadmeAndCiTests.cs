using static Bitrix24.PowerShell.Tests.RepositoryFiles.Repository;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>
/// Checks that the README and CI script show the commands they promise.
/// </summary>
public sealed class ReadmeAndCiTests
{
    private const string TestCommand = "dotnet test Bitrix24.PowerShell.sln -c Release";
    private const string DemoCommand = "dotnet run --project tests/Bitrix24.ScriptHost -c Release";

    [Fact]
    public void ReadmeAndCiShowTheCommandsANewcomerRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains(DemoCommand, readme, StringComparison.Ordinal);
        Assert.Contains(TestCommand, readme, StringComparison.Ordinal);
        Assert.Contains("Import-Module ./out/Bitrix24/Bitrix24.psd1", readme, StringComparison.Ordinal);

        var ciPath = Path.Combine(Root, ".ci", "run");
        var ci = File.ReadAllText(ciPath);
        Assert.StartsWith("#!/usr/bin/env bash", ci, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", ci, StringComparison.Ordinal);
        Assert.Contains(TestCommand, ci, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(ciPath).HasFlag(UnixFileMode.UserExecute), ".ci/run must be executable");
    }
}
