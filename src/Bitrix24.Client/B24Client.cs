using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Api;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Paging;

namespace Bitrix24.Client
{
    /// <summary>
    /// The connection to one portal and the entry point of the engine: it owns the HttpClient and its policy
    /// pipeline (retry → pacing → auth → redacted logging), and every call goes through it.
    /// Thread-safe; create one per portal and reuse it.
    /// </summary>
    public sealed class B24Client : IDisposable
    {
        /// <summary>Connects with an inbound webhook URL.</summary>
        public static B24Client FromWebhook(string webhookUrl, B24ClientOptions? options = null)
            => new B24Client(WebhookCredential.Parse(webhookUrl), options);

        public B24Client(WebhookCredential credential, B24ClientOptions? options = null)
            : this(credential, options, primaryHandler: null) { }

        /// <summary>For unit tests of the client: <paramref name="primaryHandler"/> replaces the network.</summary>
        internal B24Client(WebhookCredential credential, B24ClientOptions? options, HttpMessageHandler? primaryHandler)
            => throw new NotImplementedException();

        /// <summary>Portal root, e.g. https://example.bitrix24.com/</summary>
        public Uri Portal => throw new NotImplementedException();

        /// <summary>The user the connection acts as.</summary>
        public int UserId => throw new NotImplementedException();

        /// <summary>"Webhook" (OAuth comes later).</summary>
        public string AuthType => "Webhook";

        /// <summary>The webhook URL with its code masked.</summary>
        public string Endpoint => throw new NotImplementedException();

        /// <summary>A copy of the options this client was built with.</summary>
        public B24ClientOptions Options => throw new NotImplementedException();

        public WorkflowsApi Workflows => throw new NotImplementedException();
        public WorkflowTemplatesApi WorkflowTemplates => throw new NotImplementedException();
        public UsersApi Users => throw new NotImplementedException();

        /// <summary>Calls one method (JSON POST). Throws <see cref="Errors.B24Exception"/> on any failure.</summary>
        public Task<B24Response> CallAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        /// <summary>Runs sub-calls through <c>batch</c>, 50 per HTTP request, and returns every outcome in
        /// input order. Sub-call failures are reported per item, never thrown; only a failure of the whole
        /// HTTP request throws.</summary>
        public Task<B24BatchResponse> BatchAsync(IReadOnlyList<B24BatchCommand> commands, bool halt = false, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        /// <summary>Streams any list method page by page, following <c>next</c> (offset paging).</summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        /// <summary>
        /// Streams a list method that can be ordered and filtered by a unique key, with keyset paging:
        /// the first request is a plain call (start=0, gives the total); the rest are batches of up to 50
        /// sub-calls chained by <c>$result[prev][49][key]</c> with start=-1, i.e. up to 2,500 rows per HTTP
        /// request, and stable when rows vanish while the listing runs.
        /// </summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListByKeyAsync(KeysetListRequest request, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();

        /// <summary>The masked endpoint: never the webhook code.</summary>
        public override string ToString() => Endpoint;

        public void Dispose() => throw new NotImplementedException();
    }
}
