using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Calls any Bitrix24 REST method and writes its result as PowerShell objects.</para>
    /// </summary>
    /// <remarks>ShouldProcess applies to writes only: a method whose name says it reads (<see cref="B24MethodNames.IsRead"/>)
    /// runs under -WhatIf and never prompts. -Debug shows the redacted request and response bodies.</remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "B24Method", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeB24MethodCommand : B24Cmdlet
    {
        /// <summary>REST method name, e.g. user.get or bizproc.workflow.instances.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Method { get; set; } = "";

        /// <summary>The method's parameters (nested hashtables and arrays are sent as JSON objects and arrays).</summary>
        [Parameter(Position = 1)]
        public IDictionary? Parameters { get; set; }

        /// <summary>Follows <c>next</c> through every page of a list method and writes the rows as they arrive.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            // Reads by name (user.get, *.list, *.instances…) change nothing: -WhatIf and -Confirm are for the rest.
            if (!B24MethodNames.IsRead(Method) && !ShouldProcess(Method, All ? "Call every page of" : "Call"))
                return;

            var parameters = PowerShellToClr.ToDictionary(Parameters);
            try
            {
                if (All)
                {
                    foreach (var page in AwaitEach(token => Client.ListAsync(Method, parameters, token)))
                        foreach (var row in page.Items)
                            WriteObject(JsonToPowerShell.Convert(row));
                }
                else
                {
                    var response = Await(token => Client.CallAsync(Method, parameters, token));
                    WriteObject(JsonToPowerShell.Convert(response.Result), enumerateCollection: true);
                }
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, Method);
            }
        }
    }
}
