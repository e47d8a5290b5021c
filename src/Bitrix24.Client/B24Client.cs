using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Api;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Http;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client
{
    /// <summary>
    /// The connection to one portal and the entry point of the engine: it owns the HttpClient and its policy
    /// pipeline (retry → pacing → auth → redacted logging), and every call goes through it.
    /// Thread-safe; create one per portal and reuse it.
    /// </summary>
    public sealed class B24Client : IDisposable
    {
        private readonly IB24Credential credential;
        private readonly B24ClientOptions options;
        private readonly HttpPipeline pipeline;

        /// <summary>Connects with an inbound webhook URL.</summary>
        public static B24Client FromWebhook(string webhookUrl, B24ClientOptions? options = null)
            => new B24Client(WebhookCredential.Parse(webhookUrl), options);

        public B24Client(WebhookCredential credential, B24ClientOptions? options = null)
            : this(credential, options, primaryHandler: null) { }

        /// <summary>Connects as an OAuth application (see <see cref="OAuthCredential"/>).</summary>
        public B24Client(OAuthCredential credential, B24ClientOptions? options = null)
            : this(credential, options, primaryHandler: null) { }

        /// <summary>For unit tests of the client: <paramref name="primaryHandler"/> replaces the network.</summary>
        internal B24Client(IB24Credential credential, B24ClientOptions? options, HttpMessageHandler? primaryHandler)
        {
            this.credential = credential ?? throw new ArgumentNullException(nameof(credential));
            this.options = options?.Clone() ?? new B24ClientOptions();
            this.options.Validate();
            pipeline = new HttpPipeline(credential, this.options, primaryHandler);
            Workflows = new WorkflowsApi(this);
            WorkflowTemplates = new WorkflowTemplatesApi(this);
            Users = new UsersApi(this);
        }

        /// <summary>Portal root, e.g. https://example.bitrix24.com/</summary>
        public Uri Portal => credential.Portal;

        /// <summary>The user the connection acts as.</summary>
        public int UserId => credential.UserId;

        /// <summary>"Webhook" or "OAuth".</summary>
        public string AuthType => credential.AuthType;

        /// <summary>Where calls go, with every secret masked (the webhook code; OAuth tokens never appear).</summary>
        public string Endpoint => credential.MaskedUrl;

        /// <summary>True for an OAuth application (the context that robots, activities and template writes need).</summary>
        public bool IsApplication => credential is OAuthCredential;

        /// <summary>The OAuth token cache file, or null (webhooks; OAuth without a cache).</summary>
        public string? TokenCachePath => (credential as OAuthCredential)?.Cache?.Path;

        /// <summary>The OAuth credential (null for a webhook): client id, token server, refresh count; never a secret.</summary>
        public OAuthCredential? OAuth => credential as OAuthCredential;

        /// <summary>A copy of the options this client was built with.</summary>
        public B24ClientOptions Options => options.Clone();

        public WorkflowsApi Workflows { get; }
        public WorkflowTemplatesApi WorkflowTemplates { get; }
        public UsersApi Users { get; }

        /// <summary>Calls one method (JSON POST). Throws <see cref="Errors.B24Exception"/> on any failure.</summary>
        public async Task<B24Response> CallAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
        {
            ValidateMethod(method);
            var body = JsonParameterWriter.ToUtf8(parameters);
            var (status, bytes) = await pipeline.PostAsync(method, body, cancellationToken).ConfigureAwait(false);
            return ResponseReader.Read(method, status, bytes, credential.Redact);
        }

        /// <summary>Runs sub-calls through <c>batch</c>, 50 per HTTP request, and returns every outcome in
        /// input order. Failures are reported per item, never thrown: a sub-call's own error, or the error of
        /// the HTTP request that carried it (every later request is then not sent and reports the same
        /// error). Only invalid commands (ArgumentException) and cancellation throw.</summary>
        public Task<B24BatchResponse> BatchAsync(IReadOnlyList<B24BatchCommand> commands, bool halt = false, CancellationToken cancellationToken = default)
            => BatchRunner.RunAsync(this, commands, halt, cancellationToken);

        /// <summary>Streams any list method page by page, following <c>next</c> (offset paging).</summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
        {
            ValidateMethod(method);
            return OffsetPager.ListAsync(this, method, parameters, cancellationToken);
        }

        /// <summary>
        /// Streams a list method that can be ordered and filtered by a unique key, with keyset paging:
        /// the first request is a plain call (start=0, gives the total); the rest are batches of up to 50
        /// sub-calls chained by <c>$result[prev][49][key]</c> with start=-1, i.e. up to 2,500 rows per HTTP
        /// request, and stable when rows vanish while the listing runs.
        /// </summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListByKeyAsync(KeysetListRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            ValidateMethod(request.Method);
            return KeysetPager.ListAsync(this, request, cancellationToken);
        }

        /// <summary>The masked endpoint: never the webhook code.</summary>
        public override string ToString() => Endpoint;

        public void Dispose() => pipeline.Dispose();

        /// <summary>Masks every secret of this connection in <paramref name="text"/>.</summary>
        internal string Redact(string text) => credential.Redact(text);

        /// <summary>Method names become a URL path segment: refuse anything that could change the path.</summary>
        private static void ValidateMethod(string method)
        {
            if (string.IsNullOrWhiteSpace(method))
                throw new ArgumentException("A method name is required, e.g. user.get.", nameof(method));
            foreach (var c in method)
            {
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-') || c > 127)
                    throw new ArgumentException("'" + method + "' is not a REST method name (letters, digits, '.', '_' and '-' only).", nameof(method));
            }
        }
    }
}
