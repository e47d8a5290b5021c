using System.Reflection;
using System.Text;
using System.Text.Json;
using Bitrix24.ScriptHost;

namespace Bitrix24.Pester.Tests;

/// <summary>
/// Every Pester test of tests/Pester as its own xUnit case. Discovery asks Pester for the tests (SkipRun), so
/// a file added there is picked up without touching this project; the first case to run runs the whole suite
/// once in a fresh `dotnet pwsh` (none of this process's state leaks in), and each case reports its own result.
/// </summary>
public sealed class PesterSuite
{
    public static TheoryData<string> Tests()
    {
        var data = new TheoryData<string>();
        foreach (var test in Discovered.Value)
            data.Add(test.Key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Passes(string test)
    {
        var results = Run.Value;
        Assert.True(results.Tests.TryGetValue(test, out var result),
            $"Pester reported no result for this test.\n{results.Log}");
        Assert.True(result!.Result == "Passed", $"Pester: {result.Result}\n{result.Message}");
    }

    private static readonly Lazy<IReadOnlyList<PesterTest>> Discovered = new(() =>
    {
        var tests = Invoke(discoverOnly: true).Tests.Values.ToList();
        // Failing loudly beats a suite that quietly found nothing to run.
        if (tests.Count == 0)
            throw new InvalidOperationException("Pester discovered no tests in tests/Pester.");
        return tests;
    });

    private static readonly Lazy<PesterRun> Run = new(() => Invoke(discoverOnly: false));

    private static string Metadata(string key) => typeof(PesterSuite).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static PesterRun Invoke(bool discoverOnly)
    {
        var root = Metadata("RepositoryRoot");
        var results = Path.Combine(root, "TestResults");
        Directory.CreateDirectory(results);
        var json = Path.Combine(results, discoverOnly ? "pester-discovery.json" : "pester.json");
        File.Delete(json);

        var arguments = new List<string> { "-PesterManifest", Metadata("PesterManifest"), "-OutputPath", json };
        if (discoverOnly)
            arguments.Add("-DiscoverOnly");
        else
            arguments.AddRange(["-NUnitPath", Path.Combine(results, "pester.xml")]);

        var log = new StringBuilder();
        var environment = new Dictionary<string, string?>
        {
            ["B24_BUILD_CONFIGURATION"] = Metadata("Configuration"),
            ["B24_MODULE_MANIFEST"] = Metadata("ModuleManifest"),
        };
        var exitCode = DotnetPwsh.RunFile(root, Path.Combine(root, "tests", "Pester", "Invoke-PesterSuite.ps1"), arguments,
            environment, line => { lock (log) log.AppendLine(line); }, line => { lock (log) log.AppendLine(line); });
        File.WriteAllText(Path.Combine(results, discoverOnly ? "pester-discovery.log" : "pester.log"), log.ToString());

        if (exitCode != 0 || !File.Exists(json))
            throw new InvalidOperationException($"dotnet pwsh exited with {exitCode} and wrote no results.\n{log}");
        var tests = JsonSerializer.Deserialize<List<PesterTest>>(File.ReadAllText(json)) ?? [];
        return new PesterRun(tests.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First()), log.ToString());
    }

    private sealed record PesterRun(IReadOnlyDictionary<string, PesterTest> Tests, string Log);

    private sealed record PesterTest(string Key, string Result, string? Message);
}
