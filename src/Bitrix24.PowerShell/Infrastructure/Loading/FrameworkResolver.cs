using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Bitrix24.PowerShell.Infrastructure.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: answers a failed load of any assembly that sits in lib/ with that file, whatever
    /// version was asked for (STJ 8 asks for System.Memory 4.0.1.2, the package holds another build; without
    /// binding redirects only this makes them meet).
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
            var path = LibraryPath.Of(folder, new AssemblyName(args.Name));
            if (path is null)
                return null;
            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => LibraryPath.IsLoadedFrom(a, path)) ?? Assembly.LoadFrom(path);
        }
    }
}
