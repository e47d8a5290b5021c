using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Auth;
using Bitrix24.Client.Auth.OAuth;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Http;
using Bitrix24.Client.Limits;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client
{
    /// <summary>
    /// The connection to one portal and the entry point of the engine: it owns the HttpClient and its policy
    /// pipeline (retry → pacing → auth → redacted logging), and every call goes through it.
    /// Thread-safe; create one per portal and reuse it.
    /// It knows nothing of API areas: those (Api/) are static factories of <see cref="B24Operation"/>s that
    /// this class sends alone (<see cref="CallAsync{T}"/>), in batches, or pages through
    /// (<see cref="ListAsync{T}(B24ListOperation{T}, CancellationToken)"/>), so a new REST method adds no line here.
    /// </summary>
    public sealed class B24Client : IDisposable
    {
        private readonly IB24Credential credential;
        private readonly B24ClientOptions options;
        private readonly HttpPipeline pipeline;
        private readonly OperatingBudget budget;
        private B24Exception? blocked;

        /// <summary>Connects with an inbound webhook URL.</summary>
        public static B24Client FromWebhook(string webhookUrl, B24ClientOptions? options = null)
            => new B24Client(WebhookCredential.Parse(webhookUrl), options);

        public B24Client(WebhookCredential credential, B24ClientOptions? options = null)
            : this(credential, options, primaryHandler: null) { }

        /// <summary>Connects as an OAuth application (see <see cref="OAuthCredential"/>).</summary>
        public B24Client(OAuthCredential credential, B24ClientOptions? options = null)
            : this(credential, options, primaryHandler: null) { }

        /// <summary>Any credential (webhook, OAuth, a test double); <paramref name="primaryHandler"/>, when
        /// given, replaces the network (client unit tests).</summary>
        internal B24Client(IB24Credential credential, B24ClientOptions? options, HttpMessageHandler? primaryHandler)
        {
            this.credential = credential ?? throw new ArgumentNullException(nameof(credential));
            this.options = options?.Clone() ?? new B24ClientOptions();
            this.options.Validate();
            pipeline = new HttpPipeline(credential, this.options, primaryHandler);
            budget = new OperatingBudget(this.options);
        }

        /// <summary>The methods' operating-time budgets as the portal's answers report them.</summary>
        internal OperatingBudget Budget => budget;

        /// <summary>Portal root, e.g. https://example.bitrix24.com/</summary>
        public Uri Portal => credential.Portal;

        /// <summary>The user the connection acts as.</summary>
        public int UserId => credential.UserId;

        /// <summary>"Webhook" or "OAuth".</summary>
        public string AuthType => credential.AuthType;

        /// <summary>True when signed in as an application (OAuth): only then may operations that
        /// <see cref="B24Operation.RequiresApplication"/> be sent (robots, activities, template writes).</summary>
        public bool IsApplicationContext => credential.IsApplicationContext;

        /// <summary>Where calls go, with every secret masked (the webhook code; OAuth tokens never appear).</summary>
        public string Endpoint => credential.MaskedUrl;

        /// <summary>The OAuth token cache file, or null (webhooks; OAuth without a cache).</summary>
        public string? TokenCachePath => (credential as OAuthCredential)?.Cache?.Path;

        // The two below are methods, not properties, so that a connection exported by PowerShell (Export-Csv,
        // ConvertTo-Json, Format-List *) holds only what describes it, not nested option and credential objects.

        /// <summary>The OAuth credential (null for a webhook): client id, token server, refresh count; never a secret.</summary>
        public OAuthCredential? GetOAuth() => credential as OAuthCredential;

        /// <summary>A copy of the options this client was built with.</summary>
        public B24ClientOptions GetOptions() => options.Clone();

        /// <summary>How many requests a bulk caller (a cmdlet sending batch after batch) should keep in flight at
        /// once now: up to 4, halved after a 503 and lowered when answers slow down. Every request is still
        /// paced, so this only lets the portal's burst be used without waiting for each round trip. A method,
        /// not a property: a connection object shows and exports only what describes the connection.</summary>
        public int GetParallelRequests() => pipeline.ParallelRequests;

        private IReadOnlyList<B24InterruptedItem> lastInterrupted = Array.Empty<B24InterruptedItem>();

        /// <summary>What the last command stopped on this connection (Ctrl+C, or ended by an error) had sent and not
        /// yet written, each with its outcome (empty when none was). A method, not a property, for the reason above.</summary>
        public IReadOnlyList<B24InterruptedItem> GetLastInterrupted() => lastInterrupted;

        /// <summary>Kept by the PowerShell layer when a command stops with items sent and not written.</summary>
        internal void SetLastInterrupted(IReadOnlyList<B24InterruptedItem> items) => lastInterrupted = items;

        /// <summary>Calls one method (JSON POST) as a raw call (neither read nor write is known, see
        /// <see cref="B24CallKind.Unspecified"/>). Throws <see cref="B24Exception"/> on any failure.</summary>
        public Task<B24Response> CallAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
            => SendAsync(method, parameters, B24CallKind.Unspecified, cancellationToken);

        /// <summary>Sends one operation and reads its result. Throws <see cref="B24Exception"/> on any failure,
        /// APPLICATION_CONTEXT_REQUIRED before sending when the operation needs an application and this
        /// connection is a webhook, OUTCOME_UNKNOWN when a write may or may not have run.</summary>
        public async Task<T> CallAsync<T>(B24Operation<T> operation, CancellationToken cancellationToken = default)
        {
            if (operation is null)
                throw new ArgumentNullException(nameof(operation));
            EnsureContext(operation.RequiresApplication, operation.Method);
            try
            {
                var response = await SendAsync(operation.Method, operation.Parameters, operation.Kind, cancellationToken).ConfigureAwait(false);
                return operation.ReadResult(response);
            }
            catch (B24Exception unknown) when (unknown.Code == B24ErrorCodes.OutcomeUnknown && operation.OutcomeCheck is { } check)
            {
                // Read before deciding: done, or sent again exactly once.
                var outcome = await CheckOutcomeAsync(check, cancellationToken).ConfigureAwait(false);
                if (outcome is { Ran: true } ran)
                    return ran.Error is null ? ran.Result : throw ran.Error;
                if (outcome is not { Known: true })
                    throw;
                B24Log.Write(options.Log, operation.Method + ": the answer was lost and a read shows it did not run; sending it again once");
                var again = await SendAsync(operation.Method, operation.Parameters, operation.Kind, cancellationToken).ConfigureAwait(false);
                return operation.ReadResult(again);
            }
        }

        /// <summary>Stops this connection calling the portal after an OVERLOAD_LIMIT (seen inside a batch).</summary>
        internal void Block(B24Exception overload) => Interlocked.CompareExchange(ref blocked, overload, null);

        /// <summary>Runs an outcome check; null when the check itself failed (the outcome stays unknown).</summary>
        internal async Task<B24Outcome<T>?> CheckOutcomeAsync<T>(B24Operation<B24Outcome<T>> check, CancellationToken cancellationToken)
        {
            B24Response response;
            try
            {
                response = await SendAsync(check.Method, check.Parameters, B24CallKind.Read, cancellationToken).ConfigureAwait(false);
            }
            catch (B24Exception error) when (check.ReadsErrors)
            {
                response = new B24Response(null, check.Method, default, error, null, null, null);
            }
            catch (B24Exception)
            {
                return null;
            }
            try
            {
                return check.ReadResult(response);
            }
            catch (B24Exception)
            {
                return null;
            }
        }

        /// <summary>Runs sub-calls through <c>batch</c>, 50 per HTTP request, and returns every outcome in
        /// input order. Failures are reported per item, never thrown: a sub-call's own error, or the error of
        /// the HTTP request that carried it (every later request is then not sent and reports the same
        /// error). Only invalid commands (ArgumentException) and cancellation throw.</summary>
        public Task<B24BatchResponse> BatchAsync(IReadOnlyList<B24BatchCommand> commands, bool halt = false, CancellationToken cancellationToken = default)
            => BatchRunner.RunAsync(this, commands, halt, cancellationToken);

        /// <summary>Operations through <c>batch</c> (keys c0, c1, … in order), as <see cref="BatchAsync(IReadOnlyList{B24BatchCommand}, bool, CancellationToken)"/>;
        /// read each item with its operation's <see cref="B24Operation{T}.ReadResult"/>.</summary>
        public Task<B24BatchResponse> BatchAsync(IReadOnlyList<B24Operation> operations, bool halt = false, CancellationToken cancellationToken = default)
        {
            if (operations is null)
                throw new ArgumentNullException(nameof(operations));
            var commands = new List<B24BatchCommand>(operations.Count);
            for (var i = 0; i < operations.Count; i++)
            {
                var operation = operations[i] ?? throw new ArgumentException("The batch contains a null operation.", nameof(operations));
                commands.Add(operation.ToBatchCommand("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            return BatchAsync(commands, halt, cancellationToken);
        }

        /// <summary>Streams any list method page by page, following <c>next</c> (offset paging).</summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
        {
            ValidateMethod(method);
            return OffsetPager.ListAsync(this, method, parameters, B24CallKind.Unspecified, cancellationToken);
        }

        /// <summary>Streams a list operation, page by page as the pages arrive, each row read as the operation says.</summary>
        public IAsyncEnumerable<B24Page<T>> ListAsync<T>(B24ListOperation<T> operation, CancellationToken cancellationToken = default)
            => ListAsync(operation, null, cancellationToken);

        /// <summary>As <see cref="ListAsync{T}(B24ListOperation{T}, CancellationToken)"/>, for a caller that stops after
        /// <paramref name="rowLimit"/> rows (-First): no more pages are asked for than those rows need.</summary>
        public IAsyncEnumerable<B24Page<T>> ListAsync<T>(B24ListOperation<T> operation, int? rowLimit, CancellationToken cancellationToken = default)
        {
            if (operation is null)
                throw new ArgumentNullException(nameof(operation));
            if (rowLimit is < 0)
                throw new ArgumentOutOfRangeException(nameof(rowLimit), rowLimit, "A row limit cannot be negative.");
            EnsureContext(operation.RequiresApplication, operation.Method);
            var pages = operation.Keyset is { } keyset
                ? ListByKey(keyset, rowLimit, cancellationToken)
                : ListRead(operation.Method, operation.Parameters, cancellationToken);
            return MapPages(pages, operation, cancellationToken);
        }

        /// <summary>
        /// Streams a list method that can be ordered and filtered by a unique key, with keyset paging: batches
        /// of up to 50 pages chained by <c>$result[prev][49][key]</c>, the first page (counted, so it gives the
        /// total) opening the first batch; a listing of N rows costs ceil(N/2500) HTTP requests and stays exact
        /// when rows vanish while it runs.
        /// </summary>
        public IAsyncEnumerable<B24Page<JsonElement>> ListByKeyAsync(KeysetListRequest request, CancellationToken cancellationToken = default)
            => ListByKey(request, null, cancellationToken);

        private IAsyncEnumerable<B24Page<JsonElement>> ListByKey(KeysetListRequest request, int? rowLimit, CancellationToken cancellationToken)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            ValidateMethod(request.Method);
            return KeysetPager.ListAsync(this, request, rowLimit, cancellationToken);
        }

        /// <summary>The masked endpoint: never a secret.</summary>
        public override string ToString() => Endpoint;

        public void Dispose() => pipeline.Dispose();

        /// <summary>Masks every secret of this connection in <paramref name="text"/> (rotated tokens included).</summary>
        internal string Redact(string text) => credential.Redact(text);

        /// <summary>
        /// The one place a call leaves the client: JSON body, the pipeline, the answer read. A method whose
        /// operating-time budget is spent is held back until it frees up, and a call the portal refused for time
        /// (it ran nothing) goes again once it has, within <paramref name="deadline"/> (default: the connection's
        /// MaxOperatingWait). A batch's budgets are its sub-calls' (<see cref="BatchRunner"/>).
        /// </summary>
        internal async Task<B24Response> SendAsync(string method, object? parameters, B24CallKind kind, CancellationToken cancellationToken,
            Deadline? deadline = null)
        {
            ValidateMethod(method);
            if (Volatile.Read(ref blocked) is { } block)
                throw new B24Exception(B24ErrorCodes.OverloadLimit,
                    "REST is blocked for this portal (the portal answered OVERLOAD_LIMIT: " + block.Description + "), so this connection calls it no more.",
                    null, method);
            var body = JsonParameterWriter.ToUtf8(parameters);
            var metered = !string.Equals(method, "batch", StringComparison.OrdinalIgnoreCase);
            deadline ??= new Deadline(budget.MaxWait);
            if (metered)
                await budget.WaitAsync(method, budget.DelayBefore(method, 1), deadline, cancellationToken).ConfigureAwait(false);
            for (var garbled = 0; ; )
            {
                var (status, bytes) = await pipeline.PostAsync(method, body, kind, cancellationToken).ConfigureAwait(false);
                try
                {
                    var response = ResponseReader.Read(method, status, bytes, credential.Redact);
                    if (metered)
                        budget.Observe(method, response.Time);
                    return response;
                }
                catch (B24Exception unreadable) when (unreadable.Code == B24ErrorCodes.UnexpectedAnswer && status >= 200 && status < 300)
                {
                    // A 200 whose body is not Bitrix24 JSON (cut short, garbled by a proxy): a read goes again; a
                    // write ran or not, nobody can tell from this answer.
                    if (kind == B24CallKind.Write)
                        throw new B24Exception(B24ErrorCodes.OutcomeUnknown,
                            "The write was sent but its answer could not be read (" + unreadable.Description + "): the portal may or may not have run it, so it was not sent again.",
                            status, method, unreadable);
                    if (kind != B24CallKind.Read || garbled >= options.MaxRetries)
                        throw;
                    var delay = TimeSpan.FromTicks(options.RetryBaseDelay.Ticks << Math.Min(garbled++, 10));
                    B24Log.Write(options.Log, "Retry " + garbled + "/" + options.MaxRetries + " of " + method + " after an unreadable answer in " + (long)delay.TotalMilliseconds + " ms");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (B24Exception overload) when (overload.Code == B24ErrorCodes.OverloadLimit)
                {
                    // A manual block by Bitrix24 support: every later call would fail too, and keep the portal loaded.
                    Block(overload);
                    throw;
                }
                catch (B24Exception refused) when (metered && refused.Code == B24ErrorCodes.OperationTimeLimit)
                {
                    budget.Observe(method, refused.Time);
                    if (!await budget.WaitAfterRefusalAsync(refused, deadline, cancellationToken).ConfigureAwait(false))
                        throw budget.Unwaited(refused);
                }
            }
        }

        /// <summary>Refuses an application-only method on a webhook before anything is sent.</summary>
        internal void EnsureContext(bool requiresApplication, string method)
        {
            if (requiresApplication && !credential.IsApplicationContext)
                throw new B24Exception(B24ErrorCodes.ApplicationContextRequired,
                    "This method works only in an application's context; a webhook connection cannot call it.", null, method);
        }

        private IAsyncEnumerable<B24Page<JsonElement>> ListRead(string method, object? parameters, CancellationToken cancellationToken)
        {
            ValidateMethod(method);
            return OffsetPager.ListAsync(this, method, parameters, B24CallKind.Read, cancellationToken);
        }

        private static async IAsyncEnumerable<B24Page<T>> MapPages<T>(IAsyncEnumerable<B24Page<JsonElement>> pages, B24ListOperation<T> operation,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
                yield return new B24Page<T>(ReadRows(page.Items, operation), page.Total);
        }

        [MethodImpl(HotPath.Optimized)]
        private static List<T> ReadRows<T>(IReadOnlyList<JsonElement> rows, B24ListOperation<T> operation)
        {
            var items = new List<T>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
                items.Add(operation.ReadRow(rows[i]));
            return items;
        }

        /// <summary>Method names become a URL path segment: refuse anything that could change the path.</summary>
        private static void ValidateMethod(string method) => B24MethodNames.Validate(method);
    }
}
