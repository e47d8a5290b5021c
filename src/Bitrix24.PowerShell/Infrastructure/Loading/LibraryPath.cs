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
