using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>
    /// Windows: the cache bytes are encrypted with DPAPI for the current user (ProtectedData, CurrentUser scope),
    /// so another account, or a copy of the file taken elsewhere, cannot read it. Elsewhere the bytes are stored
    /// as they are and the file's mode 600 and owner carry the protection (see <see cref="UnixFiles"/>).
    /// The Windows path cannot run on this project's Linux CI; it is the documented DPAPI call and nothing more.
    /// </summary>
    internal static class TokenProtection
    {
        private static readonly byte[] Marker = Encoding.ASCII.GetBytes("B24DPAPI1:");
        private static readonly byte[] Entropy = Encoding.ASCII.GetBytes("Bitrix24.PowerShell token cache");

        public static bool UsesDpapi => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static byte[] Protect(byte[] plain)
        {
            if (!UsesDpapi)
                return plain;
            var sealedBytes = ProtectedData.Protect(plain, Entropy, DataProtectionScope.CurrentUser);
            var text = Encoding.ASCII.GetBytes(Convert.ToBase64String(sealedBytes));
            var result = new byte[Marker.Length + text.Length];
            Buffer.BlockCopy(Marker, 0, result, 0, Marker.Length);
            Buffer.BlockCopy(text, 0, result, Marker.Length, text.Length);
            return result;
        }

        /// <summary>Null when the bytes cannot be unprotected by this user (another account's file, or damaged).</summary>
        public static byte[]? Unprotect(byte[] stored)
        {
            if (!UsesDpapi)
                return stored;
            if (stored.Length < Marker.Length || Encoding.ASCII.GetString(stored, 0, Marker.Length) != Encoding.ASCII.GetString(Marker))
                return null;
            try
            {
                var sealedBytes = Convert.FromBase64String(Encoding.ASCII.GetString(stored, Marker.Length, stored.Length - Marker.Length));
                return ProtectedData.Unprotect(sealedBytes, Entropy, DataProtectionScope.CurrentUser);
            }
            catch (Exception e) when (e is CryptographicException || e is FormatException)
            {
                return null;
            }
        }
    }
}
