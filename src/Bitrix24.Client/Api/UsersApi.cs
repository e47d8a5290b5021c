using System;
using System.Collections.Generic;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="UsersApi.List"/>; null members do not filter.</summary>
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

    /// <summary>user.get, as operations (<c>client.ListAsync(UsersApi.List(query))</c>).</summary>
    public static class UsersApi
    {
        public const string ListMethod = "user.get";

        /// <summary>Users in ID order with offset paging (user.get takes sort/order, not ORDER).</summary>
        public static B24ListOperation<B24User> List(UserQuery? query = null)
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
            return B24ListOperation<B24User>.Offset(ListMethod, parameters, Rows.As<B24User>);
        }
    }
}
