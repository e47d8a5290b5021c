using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) cannot run here, so what its import depends on is read from the
/// built module's metadata: every assembly is .NET Standard 2.0, every reference is shipped in lib/ (at the
/// version asked for or later) or is part of .NET Framework 4.7.2 and Windows PowerShell, and no method the
/// Framework path compiles names the AssemblyLoadContext side (System.Runtime.Loader does not exist there,
/// and compiling a method loads the class of every method it calls, taken branch or not).
/// </summary>
public sealed class DesktopPathTests
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(Bitrix24.ScriptHost.ModuleLocator.ManifestPath)!;
    private static readonly string CmdletAssembly = Path.Combine(ModuleFolder, "Bitrix24.PowerShell.dll");

    // What .NET Framework 4.7.2 and Windows PowerShell 5.1 provide to a .NET Standard 2.0 library.
    private static readonly Dictionary<string, Version> Platform = new(StringComparer.OrdinalIgnoreCase)
    {
        ["netstandard"] = new Version(2, 0, 0, 0),
        ["System.Management.Automation"] = new Version(3, 0, 0, 0),
    };

    // Referenced, and used only by the PowerShell 7 path (the private load context).
    private const string CoreOnly = "System.Runtime.Loader";

    private static IEnumerable<string> ShippedAssemblies()
        => new[] { CmdletAssembly }.Concat(Directory.GetFiles(Path.Combine(ModuleFolder, "lib"), "*.dll"));

    [Fact]
    public void Every_reference_is_shipped_or_part_of_Windows_PowerShell()
    {
        var shipped = ShippedAssemblies().ToDictionary(f => AssemblyName.GetAssemblyName(f).Name!, f => AssemblyName.GetAssemblyName(f).Version!);
        var problems = new List<string>();
        foreach (var file in ShippedAssemblies())
        {
            using var pe = new PEReader(File.OpenRead(file));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                var name = metadata.GetString(reference.Name);
                if (name == CoreOnly && file == CmdletAssembly)
                    continue;
                var available = shipped.TryGetValue(name, out var version) ? version : Platform.GetValueOrDefault(name);
                if (available is null || available < reference.Version)
                    problems.Add(Path.GetFileName(file) + " → " + name + " " + reference.Version + " (available: " + (available?.ToString() ?? "none") + ")");
            }
        }

        Assert.Empty(problems);
        Assert.True(shipped.Count > 10, "lib/ looks empty: " + string.Join(", ", shipped.Keys));
    }

    [Fact]
    public void Only_one_never_inlined_method_outside_the_load_context_names_it()
    {
        using var pe = new PEReader(File.OpenRead(CmdletAssembly));
        var metadata = pe.GetMetadataReader();
        var loadContextTypes = LoadContextTypes(metadata);
        Assert.Contains("DependencyLoadContext", loadContextTypes.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)));

        var callers = new List<string>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            if (loadContextTypes.Contains(typeHandle))
                continue;
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                    continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                if (Tokens(il).Any(token => NamesLoadContext(metadata, token, loadContextTypes)))
                    callers.Add(metadata.GetString(type.Name) + "." + metadata.GetString(method.Name)
                        + ((method.ImplAttributes & MethodImplAttributes.NoInlining) != 0 ? " (NoInlining)" : ""));
            }
        }

        Assert.Equal(new[] { "ModuleInitializer.RegisterLoadContext (NoInlining)" }, callers);
    }

    [Fact]
    public void The_import_hook_names_no_shipped_assembly_before_the_resolver_is_registered()
    {
        // OnImport is compiled before it registers the resolver that finds lib/: a type from lib/ named in it
        // (a call into Bitrix24.Client, say) would fail Import-Module on every edition. Such calls must go
        // through never-inlined helpers, compiled only once called.
        using var pe = new PEReader(File.OpenRead(CmdletAssembly));
        var metadata = pe.GetMetadataReader();
        var shipped = Directory.GetFiles(Path.Combine(ModuleFolder, "lib"), "*.dll")
            .Select(f => AssemblyName.GetAssemblyName(f).Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var initializer = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Single(t => metadata.GetString(t.Name) == "ModuleInitializer");

        var named = new List<string>();
        var helpers = new List<string>();
        foreach (var method in initializer.GetMethods().Select(metadata.GetMethodDefinition))
        {
            if ((method.ImplAttributes & MethodImplAttributes.NoInlining) != 0)
            {
                helpers.Add(metadata.GetString(method.Name));
                continue;
            }
            if (method.RelativeVirtualAddress == 0)
                continue;
            foreach (var token in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!))
                if (AssemblyOf(metadata, MetadataTokens.EntityHandle(token)) is { } assembly && shipped.Contains(assembly))
                    named.Add(metadata.GetString(method.Name) + " → " + assembly);
        }

        Assert.Empty(named);
        Assert.Contains("RegisterLoadContext", helpers);
    }

    /// <summary>The assembly a type or member reference points into, or null (this assembly, or not a reference).</summary>
    private static string? AssemblyOf(MetadataReader metadata, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var scope = metadata.GetTypeReference((TypeReferenceHandle)handle).ResolutionScope;
                return scope.Kind switch
                {
                    HandleKind.AssemblyReference => metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
                    HandleKind.TypeReference => AssemblyOf(metadata, scope),
                    _ => null,
                };
            case HandleKind.MemberReference:
                return AssemblyOf(metadata, metadata.GetMemberReference((MemberReferenceHandle)handle).Parent);
            case HandleKind.MethodSpecification:
                return AssemblyOf(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return null;
        }
    }

    /// <summary>DependencyLoadContext (it derives from a System.Runtime.Loader type) and the types nested in it.</summary>
    private static HashSet<TypeDefinitionHandle> LoadContextTypes(MetadataReader metadata)
    {
        var found = new HashSet<TypeDefinitionHandle>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!type.BaseType.IsNil && IsCoreOnly(metadata, type.BaseType))
                found.Add(handle);
        }
        foreach (var handle in metadata.TypeDefinitions)
        {
            for (var outer = metadata.GetTypeDefinition(handle).GetDeclaringType(); !outer.IsNil; outer = metadata.GetTypeDefinition(outer).GetDeclaringType())
                if (found.Contains(outer))
                    found.Add(handle);
        }
        return found;
    }

    private static bool NamesLoadContext(MetadataReader metadata, int token, HashSet<TypeDefinitionHandle> loadContextTypes)
    {
        var handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return loadContextTypes.Contains((TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                return IsCoreOnly(metadata, handle);
            case HandleKind.MethodDefinition:
                return loadContextTypes.Contains(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
            case HandleKind.FieldDefinition:
                return loadContextTypes.Contains(metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)handle).Parent;
                return parent.Kind == HandleKind.TypeReference ? IsCoreOnly(metadata, parent)
                    : parent.Kind == HandleKind.TypeDefinition && loadContextTypes.Contains((TypeDefinitionHandle)parent);
            case HandleKind.MethodSpecification:
                var generic = metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method;
                return NamesLoadContext(metadata, MetadataTokens.GetToken(generic), loadContextTypes);
            default:
                return false;
        }
    }

    private static bool IsCoreOnly(MetadataReader metadata, EntityHandle type)
        => type.Kind == HandleKind.TypeReference && AssemblyOf(metadata, type) == CoreOnly;

    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The metadata tokens a method body's IL names (calls, fields, types, ldtoken).</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            short code = il[i++];
            if (code == 0xFE)
                code = unchecked((short)(0xFE00 | il[i++]));
            switch (OperandTypes[code])
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    i += 4;
                    break;
            }
        }
    }
}
