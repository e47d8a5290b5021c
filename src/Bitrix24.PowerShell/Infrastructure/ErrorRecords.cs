using System;
using System.Management.Automation;
using Bitrix24.Client.Errors;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns failures into ErrorRecords whose ErrorId is the Bitrix24 code, so scripts branch on
    /// FullyQualifiedErrorId ("ACCESS_DENIED,Bitrix24.PowerShell.Commands.GetB24WorkflowCommand").
    /// </summary>
    internal static class ErrorRecords
    {
        public const string NotConnectedId = "NotConnected";

        public static ErrorRecord From(B24Exception exception, object? target)
        {
            var errorId = string.IsNullOrEmpty(exception.Code) ? "B24_ERROR" : exception.Code;
            var record = new ErrorRecord(exception, errorId, CategoryOf(errorId), target);
            var hint = B24ErrorCodes.Hint(errorId);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = hint ?? string.Empty };
            return record;
        }

        /// <summary>A check the module makes before anything is sent (bad document id, unusable parameter…).</summary>
        /// <remarks>An <see cref="InsecureTransportException"/> as <paramref name="inner"/> gives INSECURE_TRANSPORT, SecurityError.</remarks>
        public static ErrorRecord InvalidArgument(string message, object? target, Exception? inner = null)
            => From(new B24Exception(inner is InsecureTransportException ? B24ErrorCodes.InsecureTransport : B24ErrorCodes.InvalidArgument,
                message, inner: inner), target);

        /// <summary>An application-only cmdlet on a webhook connection: refused before anything is sent.</summary>
        public static ErrorRecord ApplicationContextRequired(string methods, string authType)
            => From(new B24Exception(B24ErrorCodes.ApplicationContextRequired,
                methods + " work only when signed in as an application; this connection is a " + authType
                + ". Sign in as an application (Connect-B24 with the application's client id, secret and refresh token).",
                method: methods), null);

        /// <summary>The portal refused the connection made from B24_WEBHOOK_URL: the portal's code as ErrorId, a
        /// message that names the variable (never its value) and says nothing was kept.</summary>
        public static ErrorRecord EnvironmentConnectionFailed(B24Exception exception, string maskedEndpoint)
        {
            var record = From(exception, null);
            record.ErrorDetails = new ErrorDetails("The connection from " + ClientFactory.WebhookVariable + " (" + maskedEndpoint
                + ") failed: " + exception.Message + ". Nothing was kept: fix the variable or run Connect-B24, and the next command tries again.")
            {
                RecommendedAction = "Check the webhook URL in " + ClientFactory.WebhookVariable + " (portal, user id and code).",
            };
            return record;
        }

        /// <summary>A get by id that found nothing, as Get-Item reports a missing path: ItemNotFoundException,
        /// ErrorId "{Noun}NotFound", category ObjectNotFound, the id as target (the portal's answer, if any, inside).</summary>
        public static ErrorRecord NotFound(string noun, object id, B24Exception? answer = null)
        {
            var message = noun + " " + id + " was not found, or you cannot see it.";
            var exception = answer is null ? new ItemNotFoundException(message) : new ItemNotFoundException(message + " (" + answer.Message + ")", answer);
            return new ErrorRecord(exception, noun + "NotFound", ErrorCategory.ObjectNotFound, id);
        }

        public static ErrorRecord NotConnected()
        {
            const string message = "Not connected to Bitrix24. Run Connect-B24 (it asks for the webhook URL, masked), "
                + "Connect-B24 -Webhook (Get-Secret <name>) or Connect-B24 -Url 'https://<portal>/rest/<user>/<code>/', or set the "
                + ClientFactory.WebhookVariable + " environment variable.";
            var record = new ErrorRecord(new InvalidOperationException(message), NotConnectedId, ErrorCategory.InvalidOperation, null);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run Connect-B24 first." };
            return record;
        }

        public static ErrorCategory CategoryOf(string code)
        {
            switch (code)
            {
                case B24ErrorCodes.AccessDenied:
                case B24ErrorCodes.InsufficientScope:
                case B24ErrorCodes.ApplicationContextRequired:
                    return ErrorCategory.PermissionDenied;
                case B24ErrorCodes.NoAuthFound:
                case B24ErrorCodes.ExpiredToken:
                case B24ErrorCodes.AuthorizationStateMismatch:
                case B24ErrorCodes.AuthorizationDenied:
                    return ErrorCategory.AuthenticationError;
                case B24ErrorCodes.QueryLimitExceeded:
                case B24ErrorCodes.OperationTimeLimit:
                    return ErrorCategory.LimitsExceeded;
                case B24ErrorCodes.DelegationNotAllowed:
                    return ErrorCategory.PermissionDenied;
                case B24ErrorCodes.WrongWorkflowId:
                case B24ErrorCodes.TaskNotFound:
                    return ErrorCategory.ObjectNotFound;
                case B24ErrorCodes.TaskCompleted:
                case B24ErrorCodes.TaskType:
                    return ErrorCategory.InvalidOperation;
                case B24ErrorCodes.InvalidArgument:
                case B24ErrorCodes.TaskValidation:
                case B24ErrorCodes.TaskExecution:
                case B24ErrorCodes.InvalidUserId:
                    return ErrorCategory.InvalidArgument;
                case B24ErrorCodes.MethodNotFound:
                    return ErrorCategory.NotImplemented;
                case B24ErrorCodes.InternalServerError:
                case B24ErrorCodes.OverloadLimit:
                    return ErrorCategory.ResourceUnavailable;
                case NotConnectedId:
                    return ErrorCategory.InvalidOperation;
                case B24ErrorCodes.NetworkError:
                    return ErrorCategory.ConnectionError;
                case B24ErrorCodes.InsecureTransport:
                case B24ErrorCodes.TokenCacheInsecure:
                    return ErrorCategory.SecurityError;
                case B24ErrorCodes.TokenCacheMissing:
                    return ErrorCategory.ObjectNotFound;
                case B24ErrorCodes.TokenCacheCorrupt:
                    return ErrorCategory.InvalidData;
                case B24ErrorCodes.TokenCacheUnreadable:
                    return ErrorCategory.ReadError;
                case B24ErrorCodes.TokenCacheLocked:
                    return ErrorCategory.ResourceBusy;
                case B24ErrorCodes.BatchMethodNotAllowed:
                case B24ErrorCodes.BatchLengthExceeded:
                    return ErrorCategory.InvalidArgument;
                case B24ErrorCodes.Timeout:
                case B24ErrorCodes.AuthorizationNotReceived:
                    return ErrorCategory.OperationTimeout;
                case B24ErrorCodes.OutcomeUnknown:
                    return ErrorCategory.OperationStopped;
                case B24ErrorCodes.FlowExistsIdUnknown:
                    return ErrorCategory.ResourceExists;
                case B24ErrorCodes.UnexpectedAnswer:
                    return ErrorCategory.InvalidResult;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }
    }
}
