using System.Management.Automation;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// A bulk writer that destroys (ConfirmImpact High: Remove-*): adds -Force, which skips the confirmation
    /// prompt but not -WhatIf (<see cref="B24Cmdlet.ShouldProcessItem"/>), as PowerShell users expect.
    /// </summary>
    public abstract class B24DestructiveCmdlet : B24BatchCmdlet
    {
        /// <summary>Does not ask for confirmation (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }
    }
}
