using System;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates task flows (tasks.flow.Flow.create), 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "B24Flow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flow))]
    [B24Method(FlowsApi.CreateMethod)]
    public sealed class NewB24FlowCommand : FlowFieldsCmdlet
    {
        /// <summary>The flow's name, unique on the portal.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        protected override void ProcessRecord()
        {
            FlowFields fields;
            try
            {
                fields = BuildFields(Name);
                if (fields.PlannedCompletionTime is null)
                    throw new ArgumentException("-PlannedCompletionTime is required to create a flow.");
                if (fields.ResponsibleList is null)
                    throw new ArgumentException("-Responsible or -ResponsibleDepartment is required to create a flow (for Manually: the moderator's user id).");
                fields.DistributionType ??= "manually";
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, Name, ex));
                return;
            }
            Submit(Name, "Create flow", () => FlowsApi.Create(fields), flow => ToOutput(flow));
        }
    }
}
