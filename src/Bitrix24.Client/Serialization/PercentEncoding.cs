using System.Text;

namespace Bitrix24.Client.Serialization
{
    /// <summary>UTF-8 percent-encoding without Uri.EscapeDataString's length limit on .NET Framework
    /// (template parameters can be long).</summary>
    internal static class PercentEncoding
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Values: only RFC 3986 unreserved characters stay as they are.</summary>
        public const string ValueSafe = "-._~";

        /// <summary>Keys also keep the filter prefixes readable (filter[&gt;ID], filter[!STATUS]); '=' must
        /// never be raw in a key, because PHP splits the pair at the first '='.</summary>
        public const string KeySafe = "-._~><!";

        public static string Escape(string text, string safe)
        {
            var output = new StringBuilder(text.Length);
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (b < 0x80 && safe.IndexOf(c) >= 0))
                    output.Append(c);
                else
                    output.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            return output.ToString();
        }
    }
}
