using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>Tab completion for -Activity: the four task types the list page documents (others may exist, so no ValidateSet).</summary>
    public sealed class BizprocActivityCompleter : IArgumentCompleter
    {
        private static readonly string[] Names =
        {
            BizprocTask.ApproveActivity, BizprocTask.ReviewActivity, BizprocTask.RequestActivity, BizprocTask.RequestOptionalActivity,
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
            => Names.Where(n => n.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
    }
}
