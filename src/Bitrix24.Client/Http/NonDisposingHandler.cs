using System.Net.Http;

namespace Bitrix24.Client.Http
{
    /// <summary>Lends a caller-owned handler (a test's mock) to the factory, which disposes the handlers it
    /// rotates out.</summary>
    internal sealed class NonDisposingHandler : DelegatingHandler
    {
        public NonDisposingHandler(HttpMessageHandler inner) : base(inner) { }

        protected override void Dispose(bool disposing)
        {
            // Deliberately not base.Dispose: the inner handler is not ours.
        }
    }
}
