using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bitrix24.PowerShell.Infrastructure.Loading
{
    /// <summary>
    /// Runs when the module is imported, before any cmdlet: teaches the runtime where the module's
    /// dependencies are. They live in <c>lib/</c> beside this assembly, out of every default probing path,
    /// so the runtime can only find them through us:
    /// PowerShell 7 loads them into a private load context (<see cref="DependencyLoadContext"/>), so another
    /// module's Microsoft.Extensions.* of a different version can never collide with ours;
    /// Windows PowerShell 5.1 (one AppDomain, no load contexts) gets them through AssemblyResolve
    /// (<see cref="FrameworkResolver"/>), which also stands in for the binding redirects it never applies
    /// to modules.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The folder of Bitrix24.Client.dll and every third-party assembly the module ships.</summary>
        internal static string LibraryFolder { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "lib");

        private static bool OnNetFramework
            => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (OnNetFramework)
                FrameworkResolver.Register(LibraryFolder);
            else
                RegisterLoadContext();
        }

        // .NET Framework has no AssemblyLoadContext, and compiling a method loads the class of every method it
        // calls, taken branch or not: a direct call to DependencyLoadContext.Register here would fail
        // Import-Module on Windows PowerShell 5.1. Only this method names that class, it is never inlined, and
        // it is compiled only when called, on PowerShell 7 (DesktopPathTests holds every method to that).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterLoadContext()
            => DependencyLoadContext.Register(LibraryFolder, typeof(ModuleInitializer).Assembly);

        public void OnRemove(PSModuleInfo module)
        {
            if (OnNetFramework)
                FrameworkResolver.Unregister();
            // On PowerShell 7 the handler stays: Remove-Module cannot unload assemblies, and a re-import of the
            // same module must find the same Bitrix24.Client it already bound to.
        }
    }
}
