using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>
    /// The application's answers to a robot or activity that waits for it (registered without
    /// USE_SUBSCRIPTION N): bizproc.event.send ends the wait with the return values, bizproc.activity.log writes
    /// to the workflow log meanwhile. Both need the <c>event_token</c> the portal sent the handler, and an
    /// application context.
    /// </summary>
    public static class BizprocEventsApi
    {
        public const string SendMethod = "bizproc.event.send";
        public const string LogMethod = "bizproc.activity.log";

        private static readonly Regex ValueName = new Regex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <summary>Returns <paramref name="returnValues"/> (RETURN_PROPERTIES name → value) and an optional log line.</summary>
        public static B24Operation<bool> Send(string eventToken, IReadOnlyDictionary<string, object?>? returnValues = null, string? logMessage = null)
        {
            foreach (var name in (returnValues ?? new Dictionary<string, object?>()).Keys.Where(k => !ValueName.IsMatch(k ?? "")))
                throw new ArgumentException("'" + name + "' cannot be a return value's name: names start with a letter and hold only letters, digits and '_' (as RETURN_PROPERTIES).");
            var parameters = new ParameterSet()
                .Set("EVENT_TOKEN", Token(eventToken))
                .SetIfPresent("RETURN_VALUES", returnValues is null ? null : new ParameterSet().Merge(returnValues))
                .SetIfPresent("LOG_MESSAGE", logMessage);
            return B24Operation.Write(SendMethod, parameters).ApplicationOnly();
        }

        /// <summary>Writes <paramref name="message"/> to the workflow log of the run that waits.</summary>
        public static B24Operation<bool> Log(string eventToken, string message)
        {
            if (string.IsNullOrWhiteSpace(message))
                throw new ArgumentException("The log message is empty.");
            return B24Operation.Write(LogMethod, new ParameterSet().Set("EVENT_TOKEN", Token(eventToken)).Set("LOG_MESSAGE", message)).ApplicationOnly();
        }

        private static string Token(string token)
            => string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("An event token is required (the event_token the portal sent the handler).") : token;
    }
}
