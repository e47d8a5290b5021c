using System.Net.Http;
using Bitrix24.Client.Operations;

namespace Bitrix24.Client.Http
{
    /// <summary>What the handlers tell each other about one request, carried on the request itself
    /// (HttpRequestMessage.Properties: the netstandard2.0 way; Options replaces it on .NET 5+).</summary>
    internal static class RequestState
    {
        private const string KindKey = "Bitrix24.CallKind";
        private const string StampKey = "Bitrix24.CredentialStamp";

#pragma warning disable CS0618 // Properties is obsolete on .NET 5+, but the only bag netstandard2.0 has
        public static void SetKind(HttpRequestMessage request, B24CallKind kind) => request.Properties[KindKey] = kind;

        public static B24CallKind KindOf(HttpRequestMessage request)
            => request.Properties.TryGetValue(KindKey, out var kind) && kind is B24CallKind known ? known : B24CallKind.Unspecified;

        public static void SetCredentialStamp(HttpRequestMessage request, long stamp) => request.Properties[StampKey] = stamp;

        public static long CredentialStampOf(HttpRequestMessage request)
            => request.Properties.TryGetValue(StampKey, out var stamp) && stamp is long known ? known : 0;
#pragma warning restore CS0618
    }
}
