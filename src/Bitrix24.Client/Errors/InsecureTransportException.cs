using System;

namespace Bitrix24.Client.Errors
{
    /// <summary>A credential would have gone over plain http:// to a host that is not loopback; nothing was sent.
    /// An <see cref="ArgumentException"/> (the address is the bad argument) with its own ErrorId in PowerShell,
    /// <see cref="B24ErrorCodes.InsecureTransport"/>.</summary>
    public sealed class InsecureTransportException : ArgumentException
    {
        public InsecureTransportException(string message, string parameterName)
            : base(message, parameterName)
        {
        }
    }
}
