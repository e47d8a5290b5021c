using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Windows PowerShell 5.1 applies no binding redirects to modules, yet our dependencies ask for each other
    /// at versions other than the ones shipped (STJ 8 wants System.Memory 4.0.1.2, the package holds another
    /// build…). On .NET Framework, requests for an assembly that sits in the module folder are answered with
    /// that file, whatever version was asked for. PowerShell 7 resolves the folder itself: nothing to do there.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".";

        private static bool OnNetFramework
            => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (OnNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (OnNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name))
                return null;
            var path = Path.Combine(ModuleFolder, name + ".dll");
            if (!File.Exists(path))
                return null;
            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => IsFrom(a, path)) ?? Assembly.LoadFrom(path);
        }

        private static bool IsFrom(Assembly assembly, string path)
        {
            try
            {
                return !assembly.IsDynamic && string.Equals(assembly.Location, path, StringComparison.OrdinalIgnoreCase);
            }
            catch (NotSupportedException)
            {
                return false;
            }
        }
    }
}
