using System;
using System.Net;
using Bitrix24.Client.Errors;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// Credentials travel only over TLS: an http:// address is refused unless it is a loopback address
    /// (127.0.0.0/8, ::1, localhost), where nothing crosses a network (the emulator, a local proxy). Certificate
    /// validation stays the platform's: there is no switch to turn it off (an on-premise portal with a private CA
    /// works once that CA is trusted by the operating system).
    /// </summary>
    internal static class SecureTransport
    {
        public const string Loopback = "127.0.0.0/8, ::1, localhost";

        /// <summary>Throws <see cref="InsecureTransportException"/> when <paramref name="address"/> is http:// to a
        /// host that is not loopback. <paramref name="what"/> names the secret ("the webhook code").</summary>
        public static void Require(Uri address, string what, string sentWith, string parameterName)
        {
            if (address.Scheme == Uri.UriSchemeHttps || IsLoopback(address))
                return;
            throw new InsecureTransportException("Refusing to send " + what + " over plain http:// to " + address.Host
                + ": anyone on the network path could read it and " + sentWith + ". Use the https:// address instead "
                + "(http:// is accepted only for a loopback address — " + Loopback + " — such as the emulator).", parameterName);
        }

        /// <summary>127.0.0.0/8, ::1 (also as IPv4-mapped), or the name localhost.</summary>
        public static bool IsLoopback(Uri address)
        {
            var host = address.Host;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
                return true;
            if (host.Length > 1 && host[0] == '[' && host[host.Length - 1] == ']')
                host = host.Substring(1, host.Length - 2);
            if (!IPAddress.TryParse(host, out var ip))
                return false;
            if (ip.IsIPv4MappedToIPv6)
                ip = ip.MapToIPv4();
            return IPAddress.IsLoopback(ip);
        }
    }
}
