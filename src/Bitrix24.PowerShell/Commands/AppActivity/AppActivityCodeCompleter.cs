using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// Tab completion of -Code on the robot and activity cmdlets: the codes the application registered, read
    /// with one list call on the session's connection (robots for *-B24Robot, activities for *-B24Activity).
    /// Nothing is offered without an application connection, and a slow or failing portal gives no completions
    /// rather than an error (at most 3 seconds).
    /// </summary>
    public sealed class AppActivityCodeCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var client = ConnectionStore.Current;
            if (client is null || !client.IsApplicationContext)
                return Array.Empty<CompletionResult>();
            var api = (commandName ?? "").EndsWith("Activity", StringComparison.OrdinalIgnoreCase) ? ActivitiesApi.Api : RobotsApi.Api;
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            try
            {
                using var timeout = new CancellationTokenSource(Limit);
                var codes = client.CallAsync(api.List(), timeout.Token).GetAwaiter().GetResult();
                return codes.Select(c => c.Code)
                    .Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, api.Noun + " " + c))
                    .ToList();
            }
            catch (Exception ex) when (ex is Client.Errors.B24Exception || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
