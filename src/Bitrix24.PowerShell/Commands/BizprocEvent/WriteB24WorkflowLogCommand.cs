using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes a line to the workflow log of a waiting robot or activity run (bizproc.activity.log).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "B24WorkflowLog")]
    [B24Method(BizprocEventsApi.LogMethod, ApplicationOnly = true)]
    public sealed class WriteB24WorkflowLogCommand : B24BatchCmdlet
    {
        /// <summary>The event_token the portal sent the handler.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("event_token")]
        [ValidateNotNullOrEmpty]
        public string EventToken { get; set; } = "";

        /// <summary>The text to log.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("LogMessage", "LOG_MESSAGE")]
        [ValidateNotNullOrEmpty]
        public string Message { get; set; } = "";

        protected override void ProcessRecord()
        {
            var token = EventToken;
            var message = Message;
            Submit(SendB24BizprocEventCommand.Shown(token), null, () => BizprocEventsApi.Log(token, message), _ => null);
        }
    }
}
