using System;
using System.Collections.Generic;
using System.Threading;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="UsersApi.ListAsync"/>; null members do not filter.</summary>
    public sealed class UserQuery
    {
        public int? Id { get; set; }
        public bool? Active { get; set; }
        /// <summary>Quick search over personal data (user.get NAME_SEARCH).</summary>
        public string? Search { get; set; }
        public IDictionary<string, object?>? Filter { get; set; }
    }

    /// <summary>user.get.</summary>
    public sealed class UsersApi
    {
        internal UsersApi(B24Client client) => throw new NotImplementedException();

        public IAsyncEnumerable<B24Page<B24User>> ListAsync(UserQuery? query = null, CancellationToken cancellationToken = default)
            => throw new NotImplementedException();
    }
}
