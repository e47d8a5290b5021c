using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets task flows by id (tasks.flow.Flow.get); ids from the pipeline go 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Flow")]
    [OutputType(typeof(Flow))]
    [B24Method(FlowsApi.GetMethod)]
    public sealed class GetB24FlowCommand : B24BatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = System.Array.Empty<long>();

        protected override void ProcessRecord()
        {
            foreach (var one in Id)
            {
                var id = one;
                Submit(id, "flow " + id, null, () => FlowsApi.Get(id), flow => ToOutput(flow));
            }
        }

        /// <summary>tasks.flow.Flow.get answers every failure with code 0 ("Flow not found", "Access denied or flow
        /// not found"): for a get by id that is the ObjectNotFound error Get-Item would write.</summary>
        protected override ErrorRecord ItemError(B24Exception error, object? target)
            => error.Code == FlowsApi.ErrorCode && target is long id
                ? ErrorRecords.NotFound("Flow", id, error)
                : base.ItemError(error, target);
    }
}
