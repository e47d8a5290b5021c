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
            var command = FlowsApi.IsExists("exists", Name, IfBound(nameof(ExcludeId), ExcludeId));
            try
            {
                var response = Await(token => Client.CallAsync(command.Method, command.Parameters, token));
                WriteObject(FlowsApi.ReadFlag(response.Result, "exists"));
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, Name);
            }
        }
    }
}
