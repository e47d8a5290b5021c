using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>Tab completion for -Priority (Low, Medium, High), which stays a string so a CSV cell binds as is.</summary>
    public sealed class TaskPriorityCompleter : IArgumentCompleter
    {
        internal static readonly string[] Names = { "Low", "Medium", "High" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
            => Names.Where(n => n.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, "Priority " + n));
    }
}
