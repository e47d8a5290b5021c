using System.Reflection;

namespace Bitrix24.ScriptHost;

/// <summary>Finds the built module (out/Bitrix24/Bitrix24.psd1): never a copy in a bin folder.</summary>
public static class ModuleLocator
{
    public const string SolutionFile = "Bitrix24.PowerShell.sln";

    /// <summary>Overrides the search, e.g. to try an installed copy of the module.</summary>
    public const string OverrideVariable = "B24_MODULE_MANIFEST";

    /// <summary>out/Bitrix24/ as the build saw it; binaries built with --artifacts-path live outside the
    /// repository, where walking up cannot find the solution.</summary>
    private static readonly string? BakedModuleOut = typeof(ModuleLocator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "B24ModuleOut")?.Value;

    /// <summary>The repository root (the folder holding the solution), or null when not found.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The built manifest; looked up on first use, so RepositoryRoot works before the module is built.</summary>
    public static string ManifestPath => LazyManifest.Value;

    private static readonly Lazy<string> LazyManifest = new(FindManifest);

    private static string FindManifest()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } overridden)
            return Path.GetFullPath(overridden);

        // The folder of this build's configuration first (Debug lays out apart from Release).
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(BakedModuleOut))
            candidates.Add(Path.Combine(BakedModuleOut, "Bitrix24.psd1"));
        if (RepositoryRoot is { } root)
            candidates.Add(Path.Combine(root, "out", "Bitrix24", "Bitrix24.psd1"));

        return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The module is not built: run `dotnet build Bitrix24.PowerShell.sln` (looked for "
                + string.Join(", ", candidates) + ").");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
            }
        }
        // out/Bitrix24/ sits two levels below the root (out/Debug/Bitrix24/ three).
        for (var dir = string.IsNullOrEmpty(BakedModuleOut) ? null : new DirectoryInfo(BakedModuleOut); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        return null;
    }
}
