using System.Reflection;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>The user agent carries the module's version, which the build takes from Bitrix24.psd1.</summary>
public sealed class UserAgentTests
{
    [Fact]
    public void Default_user_agent_names_the_manifest_version()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "Bitrix24.psd1"));
        var version = System.Text.RegularExpressions.Regex.Match(manifest, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;

        Assert.NotEmpty(version);
        Assert.Equal("Bitrix24.PowerShell/" + version, new B24ClientOptions().UserAgent);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bitrix24.PowerShell.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("No Bitrix24.PowerShell.sln above " + AppContext.BaseDirectory);
    }
}
