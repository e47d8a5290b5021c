using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Tells whether a flow with this name exists (tasks.flow.Flow.isExists): $true or $false.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "B24Flow")]
    [OutputType(typeof(bool))]
    [B24Method(FlowsApi.IsExistsMethod)]
    public sealed class TestB24FlowCommand : B24Cmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>A flow not to count (the one being renamed).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long ExcludeId { get; set; }

        protected override void ProcessRecord()
        {
            var exists = FlowsApi.IsExists(Name, IfBound(nameof(ExcludeId), ExcludeId));
            try
            {
                WriteObject(Await(token => Client.CallAsync(exists, token)));
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, Name);
            }
        }
    }
}
