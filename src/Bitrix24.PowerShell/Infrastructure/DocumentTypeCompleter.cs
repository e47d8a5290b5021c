using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>Tab completion of -DocumentType: the shortcuts (Lead, Deal, 'Dynamic 128'…).</summary>
    public sealed class DocumentTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (var shortcut in DocumentType.Shortcuts.Where(s => s.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase)))
            {
                var text = shortcut.Replace("<id>", "1").Replace("<iblock>", "1").Replace("<storage>", "1");
                var completion = text.IndexOf(' ') >= 0 ? "'" + text + "'" : text;
                yield return new CompletionResult(completion, shortcut, CompletionResultType.ParameterValue, shortcut);
            }
        }
    }
}
