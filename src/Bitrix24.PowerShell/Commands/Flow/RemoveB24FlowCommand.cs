using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes task flows (tasks.flow.Flow.delete), 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveB24FlowCommand : B24BatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Deletes without asking for confirmation (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            if (!this.ShouldProcessOrForce(Force, "flow " + id, "Delete flow"))
                return;
            Enqueue(key => FlowsApi.Delete(key, id), id, _ => null);
        }
    }
}
