using System;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes task flows (tasks.flow.Flow.update): only the parameters given are sent.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flow))]
    [B24Method(FlowsApi.UpdateMethod)]
    public sealed class SetB24FlowCommand : FlowFieldsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>A new name, unique on the portal.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Writes each changed flow as the portal returns it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            FlowFields fields;
            try
            {
                fields = BuildFields(Name);
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, id, ex));
                return;
            }
            Submit(id, "flow " + id, "Update flow", () => FlowsApi.Update(id, fields), flow => PassThru ? ToOutput(flow) : null);
        }
    }
}
