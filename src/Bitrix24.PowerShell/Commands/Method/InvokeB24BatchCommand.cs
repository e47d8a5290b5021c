using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs many REST calls through the batch method, 50 per request.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "B24Batch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(B24BatchItem))]
    public sealed class InvokeB24BatchCommand : B24Cmdlet
    {
        private const string HaltedCode = "BATCH_HALTED";

        /// <summary>Key → "method?query" string, or key → @{ Method = '…'; Parameters = @{…} }. Use [ordered]
        /// to keep the output in your order (a plain hashtable has none).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public IDictionary Command { get; set; } = new Hashtable();

        /// <summary>Stop at the first failing sub-call (the portal runs none after it).</summary>
        [Parameter]
        public SwitchParameter Halt { get; set; }

        protected override void ProcessRecord()
        {
            var commands = new List<B24BatchCommand>();
            foreach (DictionaryEntry entry in Command)
            {
                var key = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
                B24BatchCommand command;
                try
                {
                    command = ToCommand(key, entry.Value);
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex.Message, key, ex));
                    continue;
                }
                if (ShouldProcess(key, "Call " + command.Method))
                    commands.Add(command);
            }
            if (commands.Count == 0)
                return;

            B24BatchResponse response;
            try
            {
                response = Await(token => Client.BatchAsync(commands, Halt, token));
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, "batch"); // refused before sending: duplicate keys, a closed connection…
                return;
            }

            var halted = new List<string>();
            foreach (var item in response.Items)
            {
                if (item.Error is { } error)
                {
                    if (error.Code == HaltedCode)
                        halted.Add(item.Key!);
                    else
                        WriteB24Error(error, item.Key);
                }
                else
                {
                    WriteObject(new B24BatchItem(item.Key!, item.Method, JsonToPowerShell.Convert(item.Result), item.Total, item.Next));
                }
            }
            if (halted.Count > 0)
                WriteWarning("-Halt stopped the batch; not run: " + string.Join(", ", halted) + ".");
        }

        private static B24BatchCommand ToCommand(string key, object? value)
        {
            var plain = value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
            if (plain is string text)
                return Checked(B24BatchCommand.FromQueryString(key, text));

            var spec = PowerShellToClr.ToPlain(plain) as Dictionary<string, object?>;
            var method = spec?.FirstOrDefault(p => string.Equals(p.Key, "Method", StringComparison.OrdinalIgnoreCase)).Value as string;
            if (spec is null || string.IsNullOrWhiteSpace(method))
                throw new ArgumentException("Sub-call '" + key + "' must be \"method?query\" or @{ Method = '…'; Parameters = @{…} }.");
            var parameters = spec.FirstOrDefault(p => string.Equals(p.Key, "Parameters", StringComparison.OrdinalIgnoreCase)).Value;
            return Checked(new B24BatchCommand(key, method!, parameters));
        }

        /// <summary>What the portal would refuse anyway, refused before sending: a bad method name, or a batch
        /// inside a batch (ERROR_BATCH_METHOD_NOT_ALLOWED).</summary>
        private static B24BatchCommand Checked(B24BatchCommand command)
        {
            try
            {
                B24MethodNames.Validate(command.Method);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException("Sub-call '" + command.Key + "': " + ex.Message);
            }
            if (string.Equals(command.Method.Replace(".json", ""), "batch", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("Sub-call '" + command.Key + "' is a batch: a batch cannot contain another batch; list its calls here instead.");
            return command;
        }
    }
}
