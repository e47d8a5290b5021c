using System;
using System.Collections.Generic;
using System.Threading;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="UsersApi.ListAsync"/>; null members do not filter.</summary>
    public sealed class UserQuery
    {
        public int? Id { get; set; }
        /// <summary>Several ids in one query (user.get filters take arrays); combined with <see cref="Id"/>.</summary>
        public IReadOnlyList<int>? Ids { get; set; }
        public bool? Active { get; set; }
        /// <summary>Quick search over personal data (user.get NAME_SEARCH).</summary>
        public string? Search { get; set; }
        public IDictionary<string, object?>? Filter { get; set; }
    }

    /// <summary>user.get.</summary>
    public sealed class UsersApi
    {
        public const string ListMethod = "user.get";

        private readonly B24Client client;

        internal UsersApi(B24Client client) => this.client = client;

        /// <summary>Streams users in ID order with offset paging (user.get takes sort/order, not ORDER).</summary>
        public IAsyncEnumerable<B24Page<B24User>> ListAsync(UserQuery? query = null, CancellationToken cancellationToken = default)
        {
            query ??= new UserQuery();
            var ids = new List<int>(query.Ids ?? Array.Empty<int>());
            if (query.Id is { } single)
                ids.Insert(0, single);
            var filter = new ParameterSet()
                .SetIfPresent("ID", ids.Count == 1 ? ids[0] : ids.Count > 1 ? ids : null)
                .SetIfPresent("ACTIVE", query.Active)
                .SetIfPresent("NAME_SEARCH", query.Search)
                .Merge(query.Filter);
            var parameters = new ParameterSet().Set("sort", "ID").Set("order", "ASC");
            if (filter.Count > 0)
                parameters.Set("FILTER", filter);
            return PageMapping.Map<B24User>(client.ListAsync(ListMethod, parameters, cancellationToken), cancellationToken);
        }
    }
}
