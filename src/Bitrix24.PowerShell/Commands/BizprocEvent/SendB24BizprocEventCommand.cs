using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Answers a robot or activity that waits for the application (bizproc.event.send): return values and a log line.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "B24BizprocEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [B24Method(BizprocEventsApi.SendMethod, ApplicationOnly = true)]
    public sealed class SendB24BizprocEventCommand : B24BatchCmdlet
    {
        /// <summary>The event_token the portal sent the handler.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("event_token")]
        [ValidateNotNullOrEmpty]
        public string EventToken { get; set; } = "";

        /// <summary>Values of the RETURN_PROPERTIES the robot or activity declared, by name.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RETURN_VALUES")]
        public IDictionary? ReturnValues { get; set; }

        /// <summary>A line for the workflow log (shown when the template logs events).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("LOG_MESSAGE")]
        public string? LogMessage { get; set; }

        protected override void ProcessRecord()
        {
            var token = EventToken;
            var values = PowerShellToClr.ToDictionary(ReturnValues);
            var message = LogMessage;
            Submit(Shown(token), "event " + Shown(token), "Send return values", () => BizprocEventsApi.Send(token, values, message), _ => null);
        }

        /// <summary>The token is a credential of the run: ShouldProcess and error targets show only its start.</summary>
        internal static string Shown(string token) => token.Length <= 12 ? token : token.Substring(0, 12) + "…";
    }
}
