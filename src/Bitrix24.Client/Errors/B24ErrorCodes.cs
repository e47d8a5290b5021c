using System;
using System.Collections.Generic;
using System.Text;

namespace Bitrix24.Client.Errors
{
    /// <summary>Known error codes, what they mean and what the caller can do about them.</summary>
    public static class B24ErrorCodes
    {
        // Portal codes (shared/api-reference/_includes__system-errors.md and per-method pages).
        public const string AccessDenied = "ACCESS_DENIED";
        public const string NoAuthFound = "NO_AUTH_FOUND";
        public const string QueryLimitExceeded = "QUERY_LIMIT_EXCEEDED";
        public const string OperationTimeLimit = "OPERATION_TIME_LIMIT";
        public const string OverloadLimit = "OVERLOAD_LIMIT";
        public const string UnexpectedAnswer = "ERROR_UNEXPECTED_ANSWER";
        public const string InternalServerError = "INTERNAL_SERVER_ERROR";
        public const string WrongWorkflowId = "ERROR_WRONG_WORKFLOW_ID";
        public const string MethodNotFound = "ERROR_METHOD_NOT_FOUND";
        public const string BatchLengthExceeded = "ERROR_BATCH_LENGTH_EXCEEDED";
        public const string BatchMethodNotAllowed = "ERROR_BATCH_METHOD_NOT_ALLOWED";
        public const string TaskValidation = "ERROR_TASK_VALIDATION";
        public const string TaskNotFound = "ERROR_TASK_NOT_FOUND";
        public const string TaskCompleted = "ERROR_TASK_COMPLETED";
        public const string TaskType = "ERROR_TASK_TYPE";
        public const string TaskExecution = "ERROR_TASK_EXECUTION";
        public const string DelegationNotAllowed = "ERROR_DELEGATION_NOT_ALLOWED";
        public const string InvalidUserId = "ERROR_INVALID_USER_ID";
        public const string ExpiredToken = "expired_token";
        public const string InsufficientScope = "insufficient_scope";

        // Authorization-server codes (settings__oauth__error-codes.md).
        public const string InvalidGrant = "invalid_grant";
        public const string InvalidClient = "invalid_client";
        public const string PaymentRequired = "PAYMENT_REQUIRED";

        // The client's own codes, for failures that never produced a Bitrix24 error body.
        public const string NetworkError = "NETWORK_ERROR";
        public const string Timeout = "TIMEOUT";
        public const string InvalidArgument = "INVALID_ARGUMENT";
        public const string TokenCacheMissing = "TOKEN_CACHE_MISSING";
        public const string TokenCacheCorrupt = "TOKEN_CACHE_CORRUPT";
        public const string TokenCacheInsecure = "TOKEN_CACHE_INSECURE";
        public const string TokenCacheUnreadable = "TOKEN_CACHE_UNREADABLE";
        public const string TokenCacheLocked = "TOKEN_CACHE_LOCKED";
        /// <summary>The interactive sign-in: a redirect whose state was not this sign-in's (its code is not used).</summary>
        public const string AuthorizationStateMismatch = "OAUTH_STATE_MISMATCH";
        /// <summary>The interactive sign-in: no redirect with a code came back before the wait ended.</summary>
        public const string AuthorizationNotReceived = "OAUTH_NO_REDIRECT";
        /// <summary>The interactive sign-in: the redirect said the user (or portal) refused (RFC 6749 error=access_denied).</summary>
        public const string AuthorizationDenied = "access_denied";

        /// <summary>A credential would have gone over plain http:// to a host that is not loopback: refused, nothing sent.</summary>
        public const string InsecureTransport = "INSECURE_TRANSPORT";
        /// <summary>An application-only method (robots, activities, template writes) asked of a webhook
        /// connection: refused before sending.</summary>
        public const string ApplicationContextRequired = "APPLICATION_CONTEXT_REQUIRED";

        /// <summary>A write was sent but no answer came (a reset after sending, a timeout): the portal may or
        /// may not have run it, so it is not sent again blindly.</summary>
        public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

        /// <summary>A flow's create lost its answer and a flow of its name exists now (names are unique): it was
        /// created (or existed already), but no method finds a flow's id by name, so its id is unknown.</summary>
        public const string FlowExistsIdUnknown = "FLOW_EXISTS_ID_UNKNOWN";

        /// <summary>A batch sub-call that never ran because an earlier one failed under halt.</summary>
        public const string BatchHalted = "BATCH_HALTED";

        private static readonly Dictionary<string, string> Hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [NoAuthFound] = "Check the webhook URL (user id and code) or create a new inbound webhook in Bitrix24 (Developer resources > Other > Inbound webhook).",
            [AccessDenied] = "bizproc methods need an administrator's webhook with the bizproc scope; REST itself needs a commercial plan. Check whose webhook this is and its scopes.",
            [InsufficientScope] = "The webhook lacks the scope this method needs: edit the webhook in Bitrix24 and add the scope (bizproc, user, task…).",
            [QueryLimitExceeded] = "Too many requests for the portal's leaky bucket (2/s, 50 burst; Enterprise 5/250). Lower -RequestsPerSecond, and do not run several scripts against one portal from the same IP at once.",
            [OperationTimeLimit] = "This method used up its execution-time budget (480 s per 10 minutes). Wait until time.operating_reset_at, then continue with smaller or fewer calls.",
            [OverloadLimit] = "Bitrix24 support has blocked REST for this portal because of overload; only support can lift it.",
            [UnexpectedAnswer] = "The portal (or a proxy in front of it) answered with something other than Bitrix24 JSON. Check the portal address and retry later.",
            [InternalServerError] = "The portal failed internally. Retry later; if it persists, contact the portal's administrator or Bitrix24 support.",
            [WrongWorkflowId] = "Check the id: the workflow may have finished already, or the template may not exist (Get-B24Workflow, Get-B24WorkflowTemplate).",
            [MethodNotFound] = "Check the method name's spelling, and that the module behind it is installed and in the webhook's scopes.",
            [BatchLengthExceeded] = "A batch takes at most 50 sub-calls; split the commands (Invoke-B24Batch does this for you).",
            [BatchMethodNotAllowed] = "This method cannot run inside a batch (batch itself never can); call it directly.",
            [TaskValidation] = "Check -TaskId and -Status: Approved/Rejected for an approval, Acknowledged for a review or a request, Acknowledged/Cancelled for a request with rejection (the task's AllowedStatuses).",
            [TaskNotFound] = "You can complete only your own running tasks: connect as the task's user, or have it delegated to you (Move-B24BizprocTask); Get-B24BizprocTask lists yours.",
            [TaskCompleted] = "The task was completed already (by you, or by another participant of the step); nothing is left to do.",
            [TaskType] = "This kind of task cannot be completed through REST; complete it in Bitrix24.",
            [TaskExecution] = "The task refused the answer: give the comment it requires (-Comment) and every required field (-Fields; $task.Parameters.Fields describes them).",
            [DelegationNotAllowed] = "Each task's template says who may take it over: subordinates only, everyone or no one, and only employees (not extranet users). Delegate to a user the task allows, or ask the template's owner.",
            [InvalidUserId] = "Check -FromUserId and -ToUserId: both must be existing users (Get-B24User).",
            [ExpiredToken] = "The OAuth access token expired. An OAuth connection renews it by itself once per expiry; if this still shows, the renewal failed too: sign in again (Connect-B24 -Interactive, or a new -RefreshToken).",
            [InvalidGrant] = "The refresh token is used up, expired (180 days) or not this application's: sign in again with Connect-B24 -Interactive or a new -RefreshToken.",
            [InvalidClient] = "Check -ClientId and -ClientSecret and that the application is installed on this portal, then sign in again.",
            [PaymentRequired] = "The application's trial or paid period is over: renew its payment; until then the token server issues no tokens.",
            [TokenCacheMissing] = "Sign in once with -ClientId/-ClientSecret/-RefreshToken (or -Interactive) and -TokenCachePath; later runs can then start from the cache alone.",
            [TokenCacheCorrupt] = "Delete the token cache file and sign in again (Connect-B24 -Interactive, or a new -RefreshToken).",
            [InsecureTransport] = "Use the portal's https:// address; http:// is accepted only for loopback (127.0.0.0/8, ::1, localhost). A private CA: trust it in the operating system's certificate store (certificate checks cannot be turned off).",
            [TokenCacheInsecure] = "The cache must belong to you and be mode 600: delete it (its tokens may have leaked) and sign in again.",
            [TokenCacheUnreadable] = "Check the cache file's owner and permissions, or choose another -TokenCachePath, and sign in again.",
            [TokenCacheLocked] = "Another process holds the token cache lock; wait for it, or stop a hung script using the same cache.",
            [AuthorizationStateMismatch] = "The redirect did not come from the sign-in this command started; nothing was exchanged. Run Connect-B24 -Interactive again and use only the address it prints.",
            [AuthorizationNotReceived] = "No redirect reached the listener: check the application's redirect address is http://127.0.0.1:<port>/ with the port passed as -RedirectPort, that the application is installed, and what the portal's page said; then run Connect-B24 -Interactive again.",
            [AuthorizationDenied] = "The sign-in was refused on the portal: allow the application's access (or ask the portal's administrator to), then run Connect-B24 -Interactive again.",
            [ApplicationContextRequired] = "This method works only for an application: sign in with Connect-B24 -ClientId -ClientSecret -RefreshToken (or -Interactive), not a webhook.",
            [NetworkError] = "Could not reach the portal. Check the address, the network, proxy and TLS settings.",
            [Timeout] = "The portal did not answer in time (one request may run at most 60 s). Retry with less work per call, or raise the client's Timeout.",
            [InvalidArgument] = "Check the parameter named in the message.",
            [OutcomeUnknown] = "The call was sent but its answer was lost, so it may or may not have run. Check the item on the portal before sending it again.",
            [FlowExistsIdUnknown] = "Do not create it again: open Tasks > Flows on the portal to find its id (Get-B24Task -FlowId of one of its tasks shows it too).",
            [BatchHalted] = "An earlier sub-call in the same batch failed and halt was set; fix that one and send the rest again.",
        };

        /// <summary>A one-line hint on what to do about <paramref name="code"/>, or null when there is none.</summary>
        public static string? Hint(string code) => code is not null && Hints.TryGetValue(code, out var hint) ? hint : null;

        /// <summary><c>bizproc.workflow.terminate: ACCESS_DENIED (HTTP 403) Access denied!</c>; parts that are
        /// unknown are left out.</summary>
        internal static string FormatMessage(string code, string description, int? httpStatus, string? method)
        {
            var message = new StringBuilder();
            if (!string.IsNullOrEmpty(method))
                message.Append(method).Append(": ");
            // The flow methods answer every error with the code "0"; "0 Flow not found" reads like a count, so a
            // bare number goes after the description.
            if (code == "0" && !string.IsNullOrEmpty(description))
            {
                message.Append(description).Append(" (error ").Append(code);
                if (httpStatus is { } flowStatus)
                    message.Append(", HTTP ").Append(flowStatus);
                return message.Append(')').ToString();
            }
            message.Append(code);
            if (httpStatus is { } status)
                message.Append(" (HTTP ").Append(status).Append(')');
            if (!string.IsNullOrEmpty(description))
                message.Append(' ').Append(description);
            return message.ToString();
        }
    }
}
