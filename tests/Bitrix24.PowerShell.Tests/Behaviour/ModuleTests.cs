using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using Bitrix24.ScriptHost;

namespace Bitrix24.PowerShell.Tests;

/// <summary>The built module folder is importable and its manifest tells the truth about the assembly.</summary>
public sealed class ModuleTests
{
    private static string ModuleFolder => Path.GetDirectoryName(ModuleLocator.ManifestPath)!;

    [Fact]
    public void Manifest_passes_TestModuleManifest()
    {
        using var runner = new PowerShellRunner();
        var result = runner.Run("Test-ModuleManifest -Path $path", new Dictionary<string, object?> { ["path"] = ModuleLocator.ManifestPath });

        Assert.True(result.Succeeded, result.ToString());
        var module = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("Bitrix24", module.Name);
        // One version source: the build stamps the manifest's ModuleVersion on the assemblies.
        Assert.Equal(ModuleAssembly().GetName().Version!.ToString(3), module.Version.ToString());
        Assert.Equal(ExpectedCmdlets(), module.ExportedCmdlets.Keys.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Imported_module_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        using var runner = new PowerShellRunner();
        var result = runner.Run("Get-Command -Module Bitrix24 | ForEach-Object { $_.Name }");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(AssemblyCmdlets(), result.Values.Cast<string>().Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(AssemblyCmdlets(), ExpectedCmdlets());
    }

    [Fact]
    public void Module_folder_keeps_dependencies_in_lib_and_never_ships_the_engine()
    {
        var top = Directory.GetFiles(ModuleFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var lib = Directory.GetFiles(Path.Combine(ModuleFolder, "lib")).Select(Path.GetFileName).ToList();

        // Only the cmdlet assembly at the top: anything else there would be found by PowerShell's own probing
        // and bypass the private load context.
        Assert.Equal(["Bitrix24.Format.ps1xml", "Bitrix24.PowerShell.dll", "Bitrix24.psd1", "LICENSE"], top);
        Assert.Contains("Bitrix24.Client.dll", lib);
        Assert.Contains("System.Text.Json.dll", lib);
        Assert.Contains("Microsoft.Extensions.Http.dll", lib);
        Assert.Contains("System.Threading.RateLimiting.dll", lib);
        Assert.Contains("Microsoft.Bcl.AsyncInterfaces.dll", lib);
        Assert.Contains("System.Memory.dll", lib);
        Assert.DoesNotContain("System.Management.Automation.dll", lib);
        Assert.DoesNotContain("System.Runtime.Loader.dll", lib);
    }

    [Fact]
    public void Cmdlets_report_failures_under_their_own_type_name()
    {
        // FullyQualifiedErrorId = "<code>,<cmdlet type>": every cmdlet lives in the agreed namespace.
        var types = ModuleAssembly().GetTypes().Where(t => t.GetCustomAttributesData().Any(IsCmdletAttribute)).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("Bitrix24.PowerShell.Commands", t.Namespace));
        Assert.All(types, t => Assert.EndsWith("Command", t.Name));
    }

    [Fact]
    public void Format_views_name_real_types_and_properties()
    {
        var format = System.Xml.Linq.XDocument.Load(Path.Combine(ModuleFolder, "Bitrix24.Format.ps1xml"));
        var assemblies = new[] { ModuleAssembly(), Inspection.LoadFromAssemblyName(new AssemblyName("Bitrix24.Client")) };
        var views = format.Descendants("View").Select(v => (
            Type: v.Element("ViewSelectedBy")!.Element("TypeName")!.Value,
            Properties: v.Descendants("PropertyName").Select(p => p.Value).ToList())).ToList();

        Assert.Equal(
            ["Bitrix24.Client.B24Client", "Bitrix24.Client.Models.B24User", "Bitrix24.Client.Models.Workflow",
             "Bitrix24.Client.Models.WorkflowTemplate", "Bitrix24.PowerShell.Commands.B24BatchItem"],
            views.Select(v => v.Type).Order(StringComparer.Ordinal));
        foreach (var (typeName, properties) in views)
        {
            var type = assemblies.Select(a => a.GetType(typeName)).Single(t => t != null)!;
            Assert.NotEmpty(properties);
            Assert.All(properties, p => Assert.True(type.GetProperty(p) != null, typeName + " has no property " + p));
        }
    }

    /// <summary>The manifest's CmdletsToExport, read as data with the PowerShell parser (no import).</summary>
    private static IReadOnlyList<string> ExpectedCmdlets()
    {
        var ast = Parser.ParseFile(ModuleLocator.ManifestPath, out _, out var errors);
        Assert.Empty(errors);
        var data = (System.Collections.Hashtable)((HashtableAst)ast.Find(a => a is HashtableAst, false)!).SafeGetValue();
        return ((object[])data["CmdletsToExport"]!).Cast<string>().Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Verb-Noun of every [Cmdlet] type in the module's assembly.</summary>
    private static IReadOnlyList<string> AssemblyCmdlets()
        => ModuleAssembly().GetTypes()
            .SelectMany(t => t.GetCustomAttributesData().Where(IsCmdletAttribute))
            .Select(a => a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsCmdletAttribute(CustomAttributeData a) => a.AttributeType == typeof(CmdletAttribute);

    /// <summary>The built files, read in a context of their own: loading them into the default context here
    /// would hand the runspaces of other tests a Bitrix24.Client outside the module's private context.</summary>
    private static readonly ModuleInspectionContext Inspection = new(ModuleFolder);

    private static Assembly ModuleAssembly() => Inspection.LoadFromAssemblyName(new AssemblyName("Bitrix24.PowerShell"));
}
