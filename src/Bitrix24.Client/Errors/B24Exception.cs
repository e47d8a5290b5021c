using System;

namespace Bitrix24.Client.Errors
{
    /// <summary>
    /// The one exception the client throws for a failed call: a Bitrix24 error body, a transport failure or an
    /// unreadable response. Callers branch on <see cref="Code"/>, never on the message text.
    /// </summary>
    public class B24Exception : Exception
    {
        public B24Exception(string code, string description, int? httpStatus = null, string? method = null,
            Exception? inner = null)
            : base(B24ErrorCodes.FormatMessage(code, description, httpStatus, method), inner)
        {
            Code = code;
            Description = description;
            HttpStatus = httpStatus;
            Method = method;
        }

        /// <summary>Bitrix24 error code (ACCESS_DENIED, QUERY_LIMIT_EXCEEDED…) or one of the client's own
        /// codes in <see cref="B24ErrorCodes"/> (NETWORK_ERROR, ERROR_UNEXPECTED_ANSWER, TIMEOUT…).</summary>
        public string Code { get; }

        /// <summary>The portal's error_description (or the client's explanation).</summary>
        public string Description { get; }

        /// <summary>HTTP status of the response, when there was one.</summary>
        public int? HttpStatus { get; }

        /// <summary>The REST method that failed.</summary>
        public string? Method { get; }

        /// <summary>The answer's <c>time</c>, when it had one: for OPERATION_TIME_LIMIT, when the method's budget
        /// frees up (<see cref="B24Time.OperatingResetAt"/>).</summary>
        public B24Time? Time { get; internal set; }
    }
}
