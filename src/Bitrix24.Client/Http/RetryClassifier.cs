using System;
using System.Net.Http;
using System.Net.Sockets;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;

namespace Bitrix24.Client.Http
{
    /// <summary>What to do after one attempt.</summary>
    internal enum RetryDecision
    {
        /// <summary>The answer stands (success, or a failure repeating cannot fix).</summary>
        No,

        /// <summary>Transient and safe to repeat: wait (back-off or Retry-After), then go again through pacing and auth.</summary>
        BackOffAndRetry,

        /// <summary>The credential expired: renew it (one shared renewal), then go again through pacing and auth.</summary>
        RenewThenRetry,

        /// <summary>A write was sent and its fate is unknown: do not resend blindly, report OUTCOME_UNKNOWN.</summary>
        ReportOutcomeUnknown,
    }

    /// <summary>
    /// The retry policy in one place, by what the attempt's failure proves and whether the call is a read:
    /// <list type="bullet">
    /// <item>Refused before running (503 QUERY_LIMIT_EXCEEDED; a connection that was never made): repeat, any call.</item>
    /// <item>401 expired_token: renew, then repeat, any call (the portal ran nothing).</item>
    /// <item>Other transient failures (500, 502/504 and HTML proxy pages, resets, timeouts): repeat a read; for a
    /// write a gateway error, reset or timeout means the portal may have run it: report the outcome as unknown.</item>
    /// <item>A raw call (read or write unknown) is repeated only when refused before running; its other failures
    /// keep their own codes (NETWORK_ERROR, TIMEOUT, the portal's).</item>
    /// </list>
    /// 429 OPERATION_TIME_LIMIT and OVERLOAD_LIMIT are not repeated here: the first needs a wait until
    /// operating_reset_at under an overall deadline, the second a person.
    /// </summary>
    internal static class RetryClassifier
    {
        public static RetryDecision ForResponse(B24CallKind kind, int status, string? errorCode)
        {
            if (status == 503 && Is(errorCode, B24ErrorCodes.QueryLimitExceeded))
                return RetryDecision.BackOffAndRetry;
            if (status == 401 && Is(errorCode, B24ErrorCodes.ExpiredToken))
                return RetryDecision.RenewThenRetry;
            if (kind == B24CallKind.Unspecified || status < 500)
                return RetryDecision.No;
            if (Is(errorCode, B24ErrorCodes.OverloadLimit))
                return RetryDecision.No;
            if (kind == B24CallKind.Read)
                return RetryDecision.BackOffAndRetry;
            // A write: a gateway's 502/504 (no Bitrix24 body) may have let the call through.
            return errorCode is null && (status == 502 || status == 504) ? RetryDecision.ReportOutcomeUnknown : RetryDecision.No;
        }

        /// <summary>An attempt that ended without any response (HttpRequestException, TimeoutException).</summary>
        public static RetryDecision ForTransport(B24CallKind kind, Exception failure)
        {
            if (kind != B24CallKind.Unspecified && NeverSent(failure))
                return RetryDecision.BackOffAndRetry;
            switch (kind)
            {
                case B24CallKind.Read:
                    return RetryDecision.BackOffAndRetry;
                case B24CallKind.Write:
                    return RetryDecision.ReportOutcomeUnknown;
                default:
                    return RetryDecision.No;
            }
        }

        /// <summary>The request certainly did not reach the portal: no connection was made.</summary>
        private static bool NeverSent(Exception failure)
        {
            for (var e = failure as Exception; e is not null; e = e.InnerException)
            {
                if (e is SocketException socket)
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound;
            }
            return false;
        }

        private static bool Is(string? code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);
    }
}
