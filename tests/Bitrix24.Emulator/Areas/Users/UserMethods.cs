using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Users;

/// <summary>
/// user.get and user.current (any user may call them; registered by UsersArea). user.get filters by FILTER, or, without FILTER, by
/// the top-level fields themselves (<c>{"ID": 1}</c>, <c>{"UF_DEPARTMENT": 1}</c>); sorts by <c>sort</c> /
/// <c>order</c> (default ID ascending); NAME_SEARCH or FIND is the quick search over names, e-mail and
/// position; <c>select</c> limits the fields (<c>*</c>, <c>UF_*</c> masks).
/// </summary>
internal static class UserMethods
{
    private static readonly IReadOnlySet<string> NotFilters = new HashSet<string>(StringComparer.Ordinal)
    {
        "SORT", "ORDER", "FILTER", "SELECT", "START", "ADMIN_MODE", "IMAGE_RESIZE", "AUTH",
    };

    private static readonly IReadOnlySet<string> SearchKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "NAME_SEARCH", "FIND" };

    public static MethodResult Get(MethodContext context)
    {
        var parameters = context.Params;
        var source = PhpValues.Entries(parameters.Get("FILTER")) ?? parameters.Except(NotFilters).ToList();
        var search = source.Where(p => SearchKeys.Contains(p.Key)).Select(p => PhpValues.ToText(p.Value)).ToList();
        var filter = new ListFilter<UserRow>(UserRow.Schema, source.Where(p => !SearchKeys.Contains(p.Key)), allowed: null, rejectOthers: false);

        var rows = context.Area<UsersArea>().All.Where(u => search.All(s => Matches(u, s)));
        var fields = Select(parameters.Get("select"));
        return ListPage.Build(context, rows, filter, Order(parameters), u => u.Id, u => UserRow.Schema.Render(u, fields), string.Join("\u0001", search));
    }

    public static MethodResult Current(MethodContext context)
        => new(UserRow.Schema.Render(context.Area<UsersArea>().Find(context.Caller.UserId)!, UserRow.Schema.Fields));

    /// <summary><c>sort</c> names the field, <c>order</c> is ASC or DESC; an ORDER object works as in bizproc.</summary>
    private static ListOrder<UserRow> Order(RestParams parameters)
    {
        var order = parameters.Get("order");
        if (PhpValues.IsArray(order))
            return ListOrder<UserRow>.Parse(UserRow.Schema, order, ("ID", false));
        var field = UserRow.Schema.Find(PhpValues.ToText(parameters.Get("sort"))) ?? UserRow.Schema["ID"];
        return ListOrder<UserRow>.Single(field, PhpValues.ToText(order).Equals("DESC", StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<Field<UserRow>> Select(JsonNode? spec)
    {
        var names = (PhpValues.Entries(spec) ?? Array.Empty<KeyValuePair<string, JsonNode?>>()).Select(p => PhpValues.ToText(p.Value).ToUpperInvariant()).ToList();
        var fields = UserRow.Schema.Fields.Where(f => names.Contains("*")
            || names.Contains(f.Name)
            || (names.Contains("UF_*") && f.Name.StartsWith("UF_", StringComparison.Ordinal))).ToList();
        return fields.Count > 0 ? fields : UserRow.Schema.Fields;
    }

    private static bool Matches(UserRow user, string search)
    {
        var haystack = string.Join(" ", user.Name, user.LastName, user.SecondName, user.Email, user.WorkPosition, user.LastName, user.Name);
        return search.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => haystack.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
