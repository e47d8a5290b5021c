using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// A workflow id is PHP's uniqid('', true): hex digits, a dot, digits (66e412fdc9bd44.36306599). Checked at
    /// binding, so an object that is no workflow (a template piped by mistake, an empty Id) fails as that one
    /// pipeline item and costs no request, instead of being sent as "Bitrix24.Client.Models.WorkflowTemplate".
    /// </summary>
    public sealed class ValidateWorkflowIdAttribute : ValidateArgumentsAttribute
    {
        private static readonly Regex Shape = new Regex(@"^[0-9a-f]{1,32}\.[0-9]{1,16}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            // A string[] parameter (several workflows) is checked id by id.
            if ((arguments as PSObject)?.BaseObject is System.Collections.IList || arguments is System.Collections.IList)
            {
                foreach (var item in (System.Collections.IList)((arguments as PSObject)?.BaseObject ?? arguments))
                    Validate(item, engineIntrinsics);
                return;
            }
            var text = arguments as string ?? (arguments as PSObject)?.BaseObject as string;
            if (text is null || !Shape.IsMatch(text))
                throw new ValidationMetadataException(
                    "'" + (arguments ?? "") + "' is not a workflow id (like 66e412fdc9bd44.36306599). "
                    + "Pass the Id of a Get-B24Workflow result, or pipe Get-B24Workflow into this cmdlet.");
        }
    }
}
