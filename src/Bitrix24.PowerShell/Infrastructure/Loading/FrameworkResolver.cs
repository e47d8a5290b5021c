using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Bitrix24.PowerShell.Infrastructure.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: answers a failed load of an assembly that sits in lib/ with that file when it is
    /// the version asked for or later. That stands in for the binding redirects 5.1 never applies to modules
    /// (System.Memory asks for Unsafe 4.0.4.1 and Buffers 4.0.2.0, lib/ holds 6.0.0.0 and 4.0.3.0), and never
    /// hands another module an older copy than it asked for.
    /// </summary>
    internal static class FrameworkResolver
    {
        private static string folder = ".";

        public static void Register(string libraryFolder)
        {
            folder = libraryFolder;
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = LibraryPath.Of(folder, name);
            if (path is null || !LibraryPath.Satisfies(path, name))
                return null;
            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => LibraryPath.IsLoadedFrom(a, path)) ?? Assembly.LoadFrom(path);
        }
    }
}
