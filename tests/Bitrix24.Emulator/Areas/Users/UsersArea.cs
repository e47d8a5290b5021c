using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Users;

/// <summary>
/// Users: user.get and user.current (any user may call them). Always there: user 1 (administrator) and user 2
/// (not an administrator), each with a webhook. More from <c>--seed-users N</c> or <c>{"users":N}</c> (every
/// 10th inactive). Other areas find users here (authors, responsibles, webhook callers).
/// </summary>
internal sealed class UsersArea : PortalArea
{
    private static readonly string[] FirstNames = { "Olga", "Ivan", "Maria", "Peter", "Anna", "Sergey", "Elena", "Dmitry", "Nina", "Pavel", "Irina", "Oleg" };
    private static readonly string[] LastNames = { "Smith", "Petrova", "Novak", "Kowalski", "Ivanov", "Schmidt", "Garcia", "Rossi", "Jensen", "Dubois" };
    private static readonly string[] Positions = { "Sales manager", "Accountant", "Developer", "Support", "Lawyer", "" };
    private static readonly string[] Cities = { "Berlin", "Warsaw", "Riga", "Prague", "Lisbon", "" };

    private readonly Dictionary<long, UserRow> _users = new();

    public UsersArea(PortalState portal)
        : base(portal)
    {
    }

    public override IReadOnlyCollection<string> SeedKeys => ["users"];

    public override void Register(MethodRegistry methods)
    {
        methods.Read("user.get", UserMethods.Get);
        methods.Read("user.current", UserMethods.Current);
    }

    public IEnumerable<UserRow> All => _users.Values;

    public UserRow? Find(long id) => _users.GetValueOrDefault(id);

    public override void Clear()
    {
        _users.Clear();
        var epoch = PortalClock.SeedEpoch;
        Add(new UserRow
        {
            Id = 1, Name = "Alex", LastName = "Admin", Email = "admin@example.com", WorkPosition = "Administrator",
            IsAdmin = true, IsOnline = true, DateRegister = epoch.AddYears(-2), LastLogin = epoch.AddDays(-1),
        });
        Add(new UserRow
        {
            Id = 2, Name = "Bella", LastName = "Employee", Email = "employee@example.com", WorkPosition = "Sales manager",
            DateRegister = epoch.AddYears(-1), LastLogin = epoch.AddDays(-3), PersonalGender = "F", PersonalCity = "Riga",
        });
    }

    public override void SeedFromOptions(EmulatorOptions options) => SeedRandom(options.SeedUsers);

    /// <summary><c>{"users": N}</c>: N more users.</summary>
    public override JsonObject Seed(SeedSection section)
    {
        SeedRandom(section.Count("users"));
        return new JsonObject();
    }

    /// <summary>Users besides the base two, drawn from the portal's seeded Random.</summary>
    public void SeedRandom(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = Portal.Random;
        var epoch = PortalClock.SeedEpoch;
        for (var i = 0; i < count; i++)
        {
            var id = _users.Count == 0 ? 1 : _users.Keys.Max() + 1;
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            Add(new UserRow
            {
                Id = id, Name = first, LastName = last, Email = $"{first}.{last}{id}@example.com".ToLowerInvariant(),
                Active = id % 10 != 0, IsOnline = random.Next(3) == 0, WorkPosition = Positions[random.Next(Positions.Length)],
                PersonalCity = Cities[random.Next(Cities.Length)], DateRegister = epoch.AddDays(-random.Next(30, 900)),
                LastLogin = random.Next(5) == 0 ? null : epoch.AddMinutes(-random.Next(1, 60 * 24 * 30)),
                Departments = random.Next(4) == 0 ? new long[] { 1, 3 } : new long[] { 1 + random.Next(2) },
            });
        }
    }

    private void Add(UserRow user) => _users[user.Id] = user;
}
