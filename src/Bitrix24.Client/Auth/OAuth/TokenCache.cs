using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// The token cache file. Only the current user can read it (DPAPI on Windows; mode 600 from creation and an
    /// owner check elsewhere); every write goes to a new private file in the same folder that is then renamed
    /// over the old one, so a crash mid-write leaves the previous pair intact; a lock file next to it
    /// (<c>.lock</c>, flock/exclusive share) serialises refreshes across processes and runspaces.
    /// </summary>
    public sealed class TokenCache
    {
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

        public TokenCache(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
                throw new ArgumentException("A token cache path is required.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The cache file (no secret: safe to show).</summary>
        public string Path { get; }

        public bool Exists => File.Exists(Path);

        /// <summary>The per-user default for a portal: {LocalApplicationData}/Bitrix24/tokens/{host}[_{port}].json
        /// (~/.local/share on Linux, %LOCALAPPDATA% on Windows).</summary>
        public static string DefaultPath(Uri portal)
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
                root = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            var name = portal.Host + (portal.IsDefaultPort ? "" : "_" + portal.Port) + ".json";
            return System.IO.Path.Combine(root, "Bitrix24", "tokens", name);
        }

        public override string ToString() => Path;

        /// <summary>The stored entry, or null when there is no cache file yet.</summary>
        internal TokenCacheEntry? Read()
        {
            if (!File.Exists(Path))
                return null;
            CheckPrivate(Path);
            byte[] stored;
            try
            {
                stored = File.ReadAllBytes(Path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new B24Exception(B24ErrorCodes.TokenCacheUnreadable, "The token cache " + Path + " cannot be read (" + e.GetType().Name
                    + "). Check that it belongs to you, or point -TokenCachePath elsewhere and " + Lower(OAuthErrors.SignInAgain));
            }
            var plain = TokenProtection.Unprotect(stored)
                ?? throw new B24Exception(B24ErrorCodes.TokenCacheUnreadable, "The token cache " + Path
                    + " was not protected by this Windows account (DPAPI cannot open it). Delete it, then " + Lower(OAuthErrors.SignInAgain));
            return TokenCacheFormat.Read(plain, Path);
        }

        /// <summary>Replaces the cache atomically: a new private file in the same folder, flushed to disk, then
        /// renamed over the old one.</summary>
        internal void Write(TokenCacheEntry entry)
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                if (UnixFiles.IsUnix)
                    UnixFiles.RestrictDirectory(directory);
            }
            var bytes = TokenProtection.Protect(TokenCacheFormat.Write(entry));
            var temporary = Path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                using (var stream = UnixFiles.CreateNewPrivate(temporary))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(Path))
                    File.Replace(temporary, Path, null);
                else
                    File.Move(temporary, Path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new B24Exception(B24ErrorCodes.TokenCacheUnreadable, "The token cache " + Path + " cannot be written (" + e.GetType().Name
                    + "): the rotated refresh token exists only in this session now. Fix the folder's permissions or use another -TokenCachePath.");
            }
        }

        /// <summary>Takes the cross-process lock (waits up to a minute). Dispose to release.</summary>
        internal async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                if (UnixFiles.IsUnix)
                    UnixFiles.RestrictDirectory(directory);
            }
            var deadline = DateTime.UtcNow + LockTimeout;
            var delay = 10;
            while (true)
            {
                try
                {
                    return UnixFiles.OpenLock(Path + ".lock");
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = Math.Min(delay * 2, 200);
                }
                catch (IOException)
                {
                    throw new B24Exception(B24ErrorCodes.TokenCacheLocked, "Another process has held the token cache lock " + Path
                        + ".lock for over a minute. Check for a hung script using the same cache.");
                }
            }
        }

        /// <summary>On Unix the file must be the current user's and closed to group and others; a cache
        /// someone else could have written (or read) is refused rather than trusted.</summary>
        private static void CheckPrivate(string path)
        {
            if (!UnixFiles.IsUnix || UnixFiles.Stat(path) is not { } stat)
                return;
            if (UnixFiles.EffectiveUserId() is { } me && stat.Uid != me)
                throw new B24Exception(B24ErrorCodes.TokenCacheInsecure, "The token cache " + path + " belongs to another user (uid " + stat.Uid
                    + "); it is not used. Delete it or choose another -TokenCachePath, then " + Lower(OAuthErrors.SignInAgain));
            if (!UnixFiles.IsPrivate(stat.Mode))
                throw new B24Exception(B24ErrorCodes.TokenCacheInsecure, "The token cache " + path + " is readable by others (mode "
                    + Convert.ToString(stat.Mode, 8) + "); its tokens may have leaked, so it is not used. Delete it, then " + Lower(OAuthErrors.SignInAgain));
        }

        private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text.Substring(1);

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
            }
        }
    }
}
