using System.Reflection;
using System.Runtime.Loader;

namespace Bitrix24.PowerShell.Tests;

/// <summary>Loads the built module's two assemblies for reflection by tests, apart from the default context.
/// Everything else comes from the default context when it can (so CmdletAttribute compares equal to the
/// test's own), else from the module's lib/.</summary>
internal sealed class ModuleInspectionContext : AssemblyLoadContext
{
    private readonly string moduleFolder;

    public ModuleInspectionContext(string moduleFolder) : base("Bitrix24 module inspection", isCollectible: true)
    {
        this.moduleFolder = moduleFolder;
        Resolving += (context, name) => File.Exists(LibraryPath(name)) ? context.LoadFromAssemblyPath(LibraryPath(name)) : null;
    }

    protected override Assembly? Load(AssemblyName name) => name.Name switch
    {
        "Bitrix24.PowerShell" => LoadFromAssemblyPath(Path.Combine(moduleFolder, "Bitrix24.PowerShell.dll")),
        "Bitrix24.Client" => LoadFromAssemblyPath(LibraryPath(name)),
        _ => null,
    };

    private string LibraryPath(AssemblyName name) => Path.Combine(moduleFolder, "lib", name.Name + ".dll");
}
