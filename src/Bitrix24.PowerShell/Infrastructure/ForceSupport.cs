using System.Management.Automation;

namespace Bitrix24.PowerShell.Infrastructure
{
    internal static class ForceSupport
    {
        /// <summary>ShouldProcess, except that -Force skips the confirmation (never -WhatIf).</summary>
        public static bool ShouldProcessOrForce(this PSCmdlet cmdlet, bool force, string target, string action)
        {
            var whatIf = cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? LanguagePrimitives.IsTrue(bound)
                : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));
            return force && !whatIf || cmdlet.ShouldProcess(target, action);
        }
    }
}
