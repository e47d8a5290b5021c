using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client;
using Bitrix24.Client.Operations;

namespace Bitrix24.PowerShell.Infrastructure.Completion
{
    /// <summary>
    /// Tab completion of ids whose values live on the portal (template ids, user ids): read through the
    /// -Connection already typed on the line or else the session's current connection, kept for a minute per
    /// connection, and matched by id prefix or by name (<c>-TemplateId lead&lt;Tab&gt;</c> gives the id of "Lead
    /// approval"); the name is the list text and the tooltip. Completion must never get in the way of typing:
    /// without a connection, on any failure or after a few seconds it offers nothing and reports nothing.
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        /// <summary>Rows read at most per listing (completion is a pick list, not an export).</summary>
        internal const int MaxRows = 500;

        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
        private static readonly ConditionalWeakTable<B24Client, ConcurrentDictionary<Type, Cached>> Caches =
            new ConditionalWeakTable<B24Client, ConcurrentDictionary<Type, Cached>>();

        private sealed class Cached
        {
            public Cached(IReadOnlyList<Candidate> candidates) => Candidates = candidates;

            public IReadOnlyList<Candidate> Candidates { get; }
            public DateTime Expires { get; } = DateTime.UtcNow + Lifetime;
        }

        /// <summary>One value to offer: the id typed into the command, a name shown beside it, a longer tooltip.</summary>
        internal sealed class Candidate
        {
            public Candidate(string id, string name, string toolTip)
            {
                Id = id;
                Name = name;
                ToolTip = toolTip;
            }

            public string Id { get; }
            public string Name { get; }
            public string ToolTip { get; }
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var client = ConnectionOf(fakeBoundParameters);
            if (client is null)
                return Array.Empty<CompletionResult>();
            var word = (wordToComplete ?? "").Trim('\'', '"', ' ');
            return CandidatesOf(client)
                .Where(c => word.Length == 0 || c.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    || c.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(c => new CompletionResult(c.Id, c.Name.Length == 0 ? c.Id : c.Id + " " + c.Name,
                    CompletionResultType.ParameterValue, c.ToolTip.Length == 0 ? c.Id : c.ToolTip))
                .ToList();
        }

        /// <summary>Reads the candidates (at most <see cref="MaxRows"/>) from the portal.</summary>
        internal abstract Task<IReadOnlyList<Candidate>> LoadAsync(B24Client client, CancellationToken cancellationToken);

        /// <summary>Rows of a list operation, at most <see cref="MaxRows"/>, each made a candidate.</summary>
        internal static async Task<IReadOnlyList<Candidate>> ReadAsync<T>(B24Client client, B24ListOperation<T> operation,
            Func<T, Candidate> candidate, CancellationToken cancellationToken)
        {
            var candidates = new List<Candidate>();
            await foreach (var page in client.ListAsync(operation, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                candidates.AddRange(page.Items.Take(MaxRows - candidates.Count).Select(candidate));
                if (candidates.Count >= MaxRows)
                    break;
            }
            return candidates;
        }

        private IReadOnlyList<Candidate> CandidatesOf(B24Client client)
        {
            var cache = Caches.GetValue(client, _ => new ConcurrentDictionary<Type, Cached>());
            if (cache.TryGetValue(GetType(), out var cached) && cached.Expires > DateTime.UtcNow)
                return cached.Candidates;
            using var cancel = new CancellationTokenSource(Patience);
            try
            {
                // On the thread pool: the completion thread has no context to deadlock on, but must not block for long.
                var loading = Task.Run(() => LoadAsync(client, cancel.Token));
                if (!loading.Wait(Patience))
                    return Array.Empty<Candidate>();
                cache[GetType()] = new Cached(loading.Result);
                return loading.Result;
            }
            catch (Exception)
            {
                // Not connected any more, access denied, a network failure: no suggestions, no error while typing.
                return Array.Empty<Candidate>();
            }
        }

        private static B24Client? ConnectionOf(IDictionary? fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Connection"];
            if ((given as PSObject)?.BaseObject is B24Client wrapped)
                return wrapped;
            return given as B24Client ?? ConnectionStore.Current;
        }
    }
}
