using System.Runtime.CompilerServices;

namespace Bitrix24.Client.Serialization
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimized)]</c> on code that runs once per row of a listing: it is compiled fully
    /// optimized at its first call. A fresh PowerShell otherwise runs it as quick, unoptimized code (then as
    /// instrumented code) for most of a 100,000-row listing, while the runtime is busy compiling everything else.
    /// MethodImplOptions.AggressiveOptimization by value: netstandard2.0's enum lacks it; .NET Framework ignores it.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
