using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets portal users (user.get).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24User", SupportsPaging = true)]
    [OutputType(typeof(B24User))]
    public sealed class GetB24UserCommand : B24ListCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        public int[]? Id { get; set; }

        /// <summary>Quick search over names, e-mail and other personal data.</summary>
        [Parameter]
        public string? Search { get; set; }

        /// <summary>Only active users (-Active:$false: only deactivated ones).</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>Extra user.get FILTER entries (prefixes such as '>=DATE_REGISTER' allowed).</summary>
        [Parameter]
        public IDictionary? Filter { get; set; }

        protected override void ProcessRecord()
        {
            if (Id is null || Id.Length == 0)
            {
                List(null);
                return;
            }
            foreach (var id in Id)
                List(id);
        }

        private void List(int? id)
        {
            var query = new UserQuery
            {
                Id = id,
                Search = Search,
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                Filter = PowerShellToClr.ToDictionary(Filter),
            };
            WritePages(token => Client.Users.ListAsync(query, token), id);
        }
    }
}
