using System.Collections.Generic;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// Register-B24Robot / Register-B24Activity: adds one per input, 50 per batch request. With -Force a
    /// deployment script can run again: the application's codes are read once (one list call), and a code
    /// that exists already is updated with the definition instead of failing with ERROR_ACTIVITY_ALREADY_INSTALLED.
    /// </summary>
    public abstract class RegisterAppActivityCmdlet : AppActivityFieldsCmdlet
    {
        private HashSet<string>? _existing;

        /// <summary>A text or a hashtable of language → text (@{ en = 'Send SMS'; de = 'SMS senden' }).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateNotNull]
        public object Name { get; set; } = "";

        /// <summary>The http(s) URL the portal sends each call to (on the application's domain).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateNotNullOrEmpty]
        public string Handler { get; set; } = "";

        /// <summary>Update one that exists already (and do not ask for confirmation).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? NameValue => Name;
        protected override string? HandlerValue => Handler;

        protected override void ProcessRecord()
        {
            if (ReadRecord(complete: true) is not { } record)
                return;
            var (code, fields) = record;
            if (Force)
            {
                _existing ??= ReadExisting();
                if (_existing.Contains(code))
                {
                    Submit(code, Describe(code), "Update", () => Api.Update(code, fields), _ => Written(code));
                    return;
                }
                _existing.Add(code); // a second item with this code in the same run updates it
            }
            Submit(code, Describe(code), "Register", () => Api.Add(code, fields), _ => Written(code));
        }

        private HashSet<string> ReadExisting()
        {
            try
            {
                var codes = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var item in Await(token => Client.CallAsync(Api.List(), token)))
                    codes.Add(item.Code);
                return codes;
            }
            catch (B24Exception ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }
    }

    /// <summary>Set-B24Robot / Set-B24Activity: changes only the fields given, 50 per batch request.</summary>
    public abstract class SetAppActivityCmdlet : AppActivityFieldsCmdlet
    {
        /// <summary>A new name: a text or a hashtable of language → text.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateNotNull]
        public object? Name { get; set; }

        /// <summary>A new http(s) handler URL.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = FieldsSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateNotNullOrEmpty]
        public string? Handler { get; set; }

        protected override object? NameValue => Name;
        protected override string? HandlerValue => Handler;

        protected override void ProcessRecord()
        {
            if (ReadRecord(complete: false) is not { } record)
                return;
            var (code, fields) = record;
            Submit(code, Describe(code), "Update", () => Api.Update(code, fields), _ => Written(code));
        }
    }
}
