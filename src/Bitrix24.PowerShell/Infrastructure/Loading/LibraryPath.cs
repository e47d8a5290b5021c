using System;
using System.IO;
using System.Reflection;

namespace Bitrix24.PowerShell.Infrastructure.Loading
{
    internal static class LibraryPath
    {
        /// <summary>lib/{name}.dll when the module ships that assembly, else null.</summary>
        public static string? Of(string folder, AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name) || name.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return null;
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }

        /// <summary>True when the file at <paramref name="path"/> is the version asked for or later.</summary>
        public static bool Satisfies(string path, AssemblyName requested)
        {
            try
            {
                var available = AssemblyName.GetAssemblyName(path).Version;
                return requested.Version is null || (available is not null && available >= requested.Version);
            }
            catch (Exception e) when (e is BadImageFormatException || e is IOException)
            {
                return false;
            }
        }

        public static bool IsLoadedFrom(Assembly assembly, string path)
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
