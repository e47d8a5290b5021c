using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client;
using Bitrix24.Client.Api;

namespace Bitrix24.PowerShell.Infrastructure.Completion
{
    /// <summary>Workflow template ids, with the template's name, module and document type.</summary>
    public sealed class TemplateIdCompleter : LiveCompleter
    {
        internal override Task<IReadOnlyList<Candidate>> LoadAsync(B24Client client, CancellationToken cancellationToken)
            => ReadAsync(client, WorkflowTemplatesApi.List(), template => new Candidate(
                template.Id.ToString(CultureInfo.InvariantCulture), template.Name ?? "",
                (template.Name ?? "") + " (" + template.ModuleId + ", " + template.Entity + ")"), cancellationToken);
    }

    /// <summary>Ids of active users, with their names (and e-mail and position in the tooltip).</summary>
    public sealed class UserIdCompleter : LiveCompleter
    {
        internal override Task<IReadOnlyList<Candidate>> LoadAsync(B24Client client, CancellationToken cancellationToken)
            => ReadAsync(client, UsersApi.List(new UserQuery { Active = true }), user => new Candidate(
                user.Id.ToString(CultureInfo.InvariantCulture), user.DisplayName,
                string.Join(", ", new[] { user.DisplayName, user.Email, user.WorkPosition }.Where(s => !string.IsNullOrEmpty(s)))), cancellationToken);
    }
}
