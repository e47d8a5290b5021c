using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Internal;

namespace Bitrix24.Client.Auth
{
    /// <summary>
    /// Base of credentials that can renew themselves (OAuth: refresh on <c>401 expired_token</c>). However many
    /// callers see the expiry at once (a batch run, ForEach-Object -Parallel on one connection), one renewal
    /// runs and all of them wait for it; a caller whose request was applied before a renewal that has since
    /// finished just goes again. Renewal never runs on a schedule or before a call, only after a refusal.
    /// Every secret handed to <see cref="RememberSecret"/> stays masked for the credential's life, so a token
    /// that rotated out an hour ago is still masked if it shows up in a late error text.
    /// </summary>
    public abstract class RenewableCredential : IB24Credential
    {
        // Only this assembly's credentials (OAuth) and its tests derive from it.
        internal RenewableCredential() { }

        private const string Mask = "***";
        private readonly object gate = new object();
        private readonly List<string> secrets = new List<string>();
        private long stamp;
        private Task? renewal;

        public abstract Uri Portal { get; }
        public abstract int UserId { get; }
        public abstract string AuthType { get; }
        public virtual bool IsApplicationContext => true;
        public abstract string MaskedUrl { get; }

        /// <summary>How many renewals have completed (diagnostics and tests).</summary>
        public long Renewals => Interlocked.Read(ref stamp);

        /// <summary>Puts the current secret on the request.</summary>
        private protected abstract Task ApplyCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>Obtains and stores new secrets (and hands them to <see cref="RememberSecret"/>). Runs once
        /// per expiry, not under any caller's cancellation: the others still wait for it.</summary>
        private protected abstract Task RenewCoreAsync(CancellationToken cancellationToken);

        async Task<long> IB24Credential.ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Task? running;
            lock (gate)
                running = renewal;
            // A renewal in flight: its result is what this request needs.
            if (running is not null)
                await running.WithCancellation(cancellationToken).ConfigureAwait(false);
            var applied = Interlocked.Read(ref stamp);
            await ApplyCoreAsync(request, cancellationToken).ConfigureAwait(false);
            return applied;
        }

        Task<bool> IB24Credential.RenewAsync(long appliedStamp, CancellationToken cancellationToken) => RenewAsync(appliedStamp, cancellationToken);

        internal async Task<bool> RenewAsync(long appliedStamp, CancellationToken cancellationToken)
        {
            Task shared;
            lock (gate)
            {
                if (stamp != appliedStamp && renewal is null)
                    return true; // renewed by someone else since this request was applied: just go again
                shared = renewal ??= RunRenewalAsync();
            }
            await shared.WithCancellation(cancellationToken).ConfigureAwait(false);
            return true;
        }

        string IB24Credential.Redact(string text) => Redact(text);

        internal string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
                return text;
            string[] known;
            lock (secrets)
                known = secrets.ToArray();
            foreach (var secret in known)
                text = text.Replace(secret, Mask);
            return text;
        }

        /// <summary>Adds a secret to the masked set (kept after rotation; longest first so none is half-masked).</summary>
        private protected void RememberSecret(string? secret)
        {
            if (string.IsNullOrEmpty(secret))
                return;
            lock (secrets)
            {
                if (secrets.Contains(secret!))
                    return;
                secrets.Add(secret!);
                secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }

        private async Task RunRenewalAsync()
        {
            await Task.Yield(); // leave the lock before the renewal's own work starts
            try
            {
                await RenewCoreAsync(CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref stamp);
            }
            finally
            {
                lock (gate)
                    renewal = null;
            }
        }
    }
}
