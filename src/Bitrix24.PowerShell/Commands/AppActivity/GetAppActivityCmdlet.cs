using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>Get-B24Robot / Get-B24Activity: the application's codes (one list call), optionally filtered
    /// by -Code with wildcards.</summary>
    public abstract class GetAppActivityCmdlet : B24Cmdlet
    {
        /// <summary>Only these codes (wildcards allowed); none: all.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AppActivityCodeCompleter))]
        public string[]? Code { get; set; }

        protected abstract AppActivityApi Api { get; }

        protected override void EndProcessing()
        {
            var patterns = (Code ?? new[] { "*" }).Select(c => new WildcardPattern(c, WildcardOptions.None)).ToList();
            try
            {
                foreach (var item in Await(token => Client.CallAsync(Api.List(), token)))
                    if (patterns.Any(p => p.IsMatch(item.Code)))
                        WriteObject(item);
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, null);
            }
        }
    }

    /// <summary>Unregister-B24Robot / Unregister-B24Activity: deletes by code (ConfirmImpact High), 50 per batch request.</summary>
    public abstract class UnregisterAppActivityCmdlet : B24DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(AppActivityApi.CodeRule)]
        [ArgumentCompleter(typeof(AppActivityCodeCompleter))]
        public string[] Code { get; set; } = System.Array.Empty<string>();

        protected abstract AppActivityApi Api { get; }

        protected override void ProcessRecord()
        {
            foreach (var one in Code)
            {
                var code = one;
                Submit(code, Api.Noun + " " + code, "Unregister", () => Api.Delete(code), _ => null);
            }
        }
    }
}
