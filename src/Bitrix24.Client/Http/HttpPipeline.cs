using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Client.Http
{
    /// <summary>
    /// The connection's HTTP side: a named client from Microsoft.Extensions.Http whose handler chain is,
    /// outermost first, Retry → Pacing → Auth → Logging → Timeout → primary. The factory rotates the chain
    /// (and with it the primary handler's connections and DNS answers) every few minutes; what must survive
    /// rotation — the pacing bucket (shared by every client of the portal), the retry rules, the credential —
    /// lives here and is handed to each new chain. The HttpClient wrapper is taken from the factory per request, as the factory intends: one kept
    /// forever would pin the first handler and never see a DNS change.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        private const string ClientName = "Bitrix24";
        private const string TokenServerClientName = "Bitrix24.TokenServer";
        private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json");

        private readonly ServiceProvider services;
        private readonly IHttpClientFactory factory;
        private readonly SharedPacer pacer;
        private readonly IB24Credential credential;
        private int disposed;

        public HttpPipeline(IB24Credential credential, B24ClientOptions options, HttpMessageHandler? primaryHandler)
        {
            this.credential = credential;
            pacer = SharedPacer.Acquire(credential.Portal, options.RequestsPerSecond, options.Burst);
            var rules = new RetryRules(options.MaxRetries, options.RetryBaseDelay);
            var log = options.Log;

            var collection = new ServiceCollection();
            collection.AddHttpClient(ClientName, client =>
                {
                    // Relative method names resolve to {portal}/rest/{method}; AuthHandler adds the secret.
                    client.BaseAddress = new Uri(credential.Portal, "rest/");
                    client.Timeout = Timeout.InfiniteTimeSpan; // per attempt, in TimeoutHandler
                    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
                    client.DefaultRequestHeaders.ExpectContinue = false; // a round trip saved per POST on .NET Framework
                })
                .ConfigurePrimaryHttpMessageHandler(() => primaryHandler is null ? CreateNetworkHandler() : new NonDisposingHandler(primaryHandler))
                .AddHttpMessageHandler(() => new RetryHandler(rules, credential, log))
                .AddHttpMessageHandler(() => new PacingHandler(pacer.Limiter, pacer.Parallelism))
                .AddHttpMessageHandler(() => new AuthHandler(credential))
                .AddHttpMessageHandler(() => new LoggingHandler(credential, log))
                .AddHttpMessageHandler(() => new TimeoutHandler(options.Timeout))
                .SetHandlerLifetime(TimeSpan.FromMinutes(5))
                // The factory's own loggers would write full URLs (with the webhook code) to any ILogger.
                .RemoveAllLoggers();
            // The OAuth token server is not the portal: no pacing, no portal retry rules, and no URL logging
            // (its query string holds the client secret and the refresh token).
            collection.AddHttpClient(TokenServerClientName, client =>
                {
                    client.Timeout = options.Timeout;
                    client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
                })
                .ConfigurePrimaryHttpMessageHandler(() => primaryHandler is null ? CreateNetworkHandler() : new NonDisposingHandler(primaryHandler))
                .SetHandlerLifetime(TimeSpan.FromMinutes(5))
                .RemoveAllLoggers();
            services = collection.BuildServiceProvider();
            factory = services.GetRequiredService<IHttpClientFactory>();
            if (credential is Auth.OAuth.OAuthCredential oauth)
            {
                oauth.TokenHttp = () => factory.CreateClient(TokenServerClientName);
                oauth.Log = log;
            }
        }

        /// <summary>How many requests a bulk caller should keep in flight now (shared by the portal's clients).</summary>
        public int ParallelRequests => pacer.Parallelism.Limit;

        /// <summary>POSTs a JSON body to <paramref name="method"/>; returns the status and the whole body.
        /// Transport failures become B24Exception (NETWORK_ERROR, TIMEOUT); the caller's cancellation stays an
        /// OperationCanceledException.</summary>
        public async Task<(int Status, byte[] Body)> PostAsync(string method, byte[] json, B24CallKind kind, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref disposed) != 0)
                throw new ObjectDisposedException(nameof(B24Client));

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(method, UriKind.Relative));
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = Json;
            RequestState.SetKind(request, kind);
            try
            {
                using var response = await factory.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return ((int)response.StatusCode, body);
            }
            catch (TimeoutException e)
            {
                throw new B24Exception(B24ErrorCodes.Timeout, e.Message, null, method, e);
            }
            catch (HttpRequestException e)
            {
                // No inner exception on purpose: transport messages may quote the authenticated URL, and an
                // inner exception is shown whole by ToString() and by PowerShell's error views.
                throw new B24Exception(B24ErrorCodes.NetworkError, credential.Redact(Describe(e)), null, method);
            }
        }

        /// <summary>"message (SocketException: inner message)" for the whole chain, for a useful error without
        /// the exception objects themselves.</summary>
        private static string Describe(Exception e)
        {
            var text = e.Message;
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
                text += " (" + inner.GetType().Name + ": " + inner.Message + ")";
            return text;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
                return;
            services.Dispose();
            pacer.Dispose();
        }

        private static HttpMessageHandler CreateNetworkHandler()
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // A redirected POST turns into a GET without a body and fails in confusing ways; an unexpected
                // 3xx surfaces as ERROR_UNEXPECTED_ANSWER instead (typically http:// where https:// is needed).
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
            {
                // Windows PowerShell 5.1 may still default to SSL 3 / TLS 1.0, which Bitrix24 cloud refuses, and
                // to 2 connections per host, which would queue concurrent calls behind the per-attempt timeout.
                // .NET (PowerShell 7) already uses the OS's protocols and no connection cap.
                handler.SslProtocols = SslProtocols.Tls12;
                handler.MaxConnectionsPerServer = 16;
            }
            return handler;
        }
    }
}
