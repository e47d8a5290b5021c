using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// What the token cache needs from a Unix file system that netstandard2.0 does not offer: create a file
    /// with mode 600 from the start, and read a file's owner and mode. Creation uses .NET 7+'s
    /// FileStreamOptions.UnixCreateMode (PowerShell 7.4+ runs on .NET 8) through reflection; owner and mode come
    /// from the runtime's own libSystem.Native (SystemNative_Stat, whose FileStatus starts Flags, Mode, Uid,
    /// Gid on every .NET since Core 2), so no libc struct layout is assumed.
    /// </summary>
    internal static class UnixFiles
    {
        public const int OwnerReadWrite = 0x180; // 0600
        private const int GroupOrOtherBits = 0x3F; // 0077

        public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>A new file (fails when it exists) open for writing, created with mode 600 on Unix.</summary>
        public static FileStream CreateNewPrivate(string path)
        {
            if (IsUnix && TryCreateWithMode(path, FileMode.CreateNew, FileAccess.Write, FileShare.None) is { } created)
                return created;
            if (IsUnix)
            {
                // Older runtimes: the file is created empty, then narrowed before a single byte is written.
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                if (SystemNative_ChMod(Utf8(path), OwnerReadWrite) != 0)
                {
                    stream.Dispose();
                    File.Delete(path);
                    throw new IOException("Cannot set mode 600 on " + path + ".");
                }
                return stream;
            }
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        /// <summary>Opens (or creates with mode 600) a lock file with no sharing: on Unix .NET turns
        /// FileShare.None into flock(LOCK_EX), which other processes and other handles in this one respect.</summary>
        public static FileStream OpenLock(string path)
        {
            if (IsUnix && !File.Exists(path) && TryCreateWithMode(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None) is { } created)
                return created;
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        /// <summary>Owner uid and mode bits, or null when the runtime cannot tell (then the check is skipped).</summary>
        public static (uint Uid, int Mode)? Stat(string path)
        {
            try
            {
                var buffer = new byte[512]; // FileStatus is about 150 bytes; room for later fields
                if (SystemNative_Stat(Utf8(path), buffer) != 0)
                    return null;
                return (BitConverter.ToUInt32(buffer, 8), BitConverter.ToInt32(buffer, 4) & 0xFFF);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return null;
            }
        }

        public static uint? EffectiveUserId()
        {
            try
            {
                return SystemNative_GetEUid();
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return null;
            }
        }

        public static bool IsPrivate(int mode) => (mode & GroupOrOtherBits) == 0;

        public static void RestrictDirectory(string directory)
        {
            try
            {
                SystemNative_ChMod(Utf8(directory), 0x1C0); // 0700
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
            }
        }

        private static FileStream? TryCreateWithMode(string path, FileMode mode, FileAccess access, FileShare share)
        {
            var optionsType = Type.GetType("System.IO.FileStreamOptions");
            var unixMode = optionsType?.GetProperty("UnixCreateMode");
            var ctor = typeof(FileStream).GetConstructor(new[] { typeof(string), optionsType ?? typeof(object) });
            if (optionsType is null || unixMode is null || ctor is null)
                return null;
            var options = Activator.CreateInstance(optionsType);
            optionsType.GetProperty("Mode")!.SetValue(options, mode);
            optionsType.GetProperty("Access")!.SetValue(options, access);
            optionsType.GetProperty("Share")!.SetValue(options, share);
            unixMode.SetValue(options, Enum.ToObject(unixMode.PropertyType.GetGenericArguments()[0], OwnerReadWrite));
            try
            {
                return (FileStream)ctor.Invoke(new[] { path, options });
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        /// <summary>A NUL-terminated UTF-8 path, as the native side expects.</summary>
        private static byte[] Utf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int SystemNative_Stat(byte[] path, byte[] output);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
        private static extern uint SystemNative_GetEUid();

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_ChMod", SetLastError = true)]
        private static extern int SystemNative_ChMod(byte[] path, int mode);
    }
}
