using System.Collections;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets portal users (user.get).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24User", SupportsPaging = true)]
    [OutputType(typeof(B24User))]
    [B24Method(UsersApi.ListMethod)]
    public sealed class GetB24UserCommand : B24FilteredListCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(1, int.MaxValue)]
        public int[]? Id { get; set; }

        /// <summary>Quick search over names, e-mail and other personal data.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        /// <summary>Only active users (-Active:$false: only deactivated ones).</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>One query per input, several ids included (one request for -Id 1..50, one portal total).</summary>
        protected override void ProcessRecord()
        {
            var ids = Id is { Length: > 0 } given ? given : null;
            var query = new UserQuery
            {
                Ids = ids,
                Search = Search,
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                Filter = FilterEntries,
            };
            if (ids is null)
                WritePages(UsersApi.List(query), null);
            else
                WriteLookup(UsersApi.List(query), "User", ids.Cast<object>().ToList(), user => user.Id);
        }
    }
}
