using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Bitrix24.PowerShell.Infrastructure.Loading
{
    /// <summary>
    /// PowerShell 7: the module's private load context, after PowerShell/PowerShell-ALC-Samples. The cmdlet
    /// assembly stays in the default context (PowerShell resolves type names there only); its one private
    /// reference, Bitrix24.Client, is answered from lib/ into this context, and everything the client needs
    /// then resolves here:
    /// <list type="bullet">
    /// <item>assemblies of the .NET runtime itself (System.Text.Json, System.Memory, RateLimiting…) come from
    /// the runtime whenever its copy is at least the version asked for, so types such as JsonElement are
    /// the same on both sides of the boundary;</item>
    /// <item>assemblies the cmdlet assembly also binds to (Microsoft.Bcl.AsyncInterfaces…) are taken from the
    /// default context, for the same reason;</item>
    /// <item>everything else we ship (Microsoft.Extensions.*) loads from lib/ into this context, invisible to
    /// and unaffected by other modules that load other versions of the same packages.</item>
    /// </list>
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private const string ClientAssembly = "Bitrix24.Client";
        private static readonly object Gate = new object();
        private static DependencyLoadContext? instance;

        private readonly string folder;
        private readonly string runtimeFolder;
        private readonly HashSet<string> sharedWithModule;

        private DependencyLoadContext(string folder, Assembly moduleAssembly)
        {
            this.folder = folder;
            runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
            sharedWithModule = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var reference in moduleAssembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && !string.Equals(name, ClientAssembly, StringComparison.OrdinalIgnoreCase))
                    sharedWithModule.Add(name);
            }
        }

        /// <summary>Once per process: a second import of the module reuses the context its types live in.</summary>
        public static void Register(string libraryFolder, Assembly moduleAssembly)
        {
            lock (Gate)
            {
                if (instance is not null)
                    return;
                instance = new DependencyLoadContext(libraryFolder, moduleAssembly);
                Default.Resolving += instance.ResolveForDefault;
            }
        }

        /// <summary>Requests of this context (the client and its dependencies).</summary>
        protected override Assembly? Load(AssemblyName name)
        {
            if (IsClient(name))
                return FromLibrary(name);
            if (name.Name is { } simple && sharedWithModule.Contains(simple))
                return null; // the default context's copy, the one the cmdlets see
            if (RuntimeHas(name))
                return null;
            return FromLibrary(name);
        }

        /// <summary>Failed requests of the default context: answered only for Bitrix24.Client and the few
        /// assemblies the cmdlet assembly binds to itself (Microsoft.Bcl.AsyncInterfaces…), at a version we
        /// satisfy; every other name is left to whoever else can answer it.</summary>
        private Assembly? ResolveForDefault(AssemblyLoadContext context, AssemblyName name)
        {
            if (IsClient(name))
                return LoadFromAssemblyName(name);
            if (name.Name is not { } simple || !sharedWithModule.Contains(simple))
                return null;
            if (LibraryPath.Of(folder, name) is not { } path || !LibraryPath.Satisfies(path, name))
                return null;
            try
            {
                return context.LoadFromAssemblyPath(path);
            }
            catch (FileLoadException)
            {
                return null; // another copy of that name is already loaded there: the runtime reports the conflict
            }
        }

        private Assembly? FromLibrary(AssemblyName name)
            => LibraryPath.Of(folder, name) is { } path ? LoadFromAssemblyPath(path) : null;

        private static bool IsClient(AssemblyName name) => string.Equals(name.Name, ClientAssembly, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when the .NET runtime's own folder holds the assembly at the version asked for or later.</summary>
        private bool RuntimeHas(AssemblyName name)
            => runtimeFolder.Length > 0 && LibraryPath.Of(runtimeFolder, name) is { } path && LibraryPath.Satisfies(path, name);
    }
}
