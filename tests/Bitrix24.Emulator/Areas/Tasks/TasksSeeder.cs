using Bitrix24.Emulator.Areas.Users;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>Generated flows and tasks, drawn from the portal's seeded Random (same seed, same rows).</summary>
internal static class TasksSeeder
{
    private static readonly string[] Distributions = { "manually", "queue", "himself" };
    private static readonly string[] Words = { "Invoice", "Report", "Call back", "Review", "Contract", "Отчёт", "Звонок", "Delivery" };

    public static IReadOnlyList<long> SeedFlows(TasksArea area, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = area.Portal.Random;
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var id = area.NextFlowId();
            var type = Distributions[random.Next(Distributions.Length)];
            area.AddFlow(new FlowRow
            {
                Id = id, CreatorId = 1, OwnerId = 1, GroupId = area.CreateGroup(), Name = $"Seeded flow {id}",
                Description = "Seeded", PlannedCompletionTime = 3600 * (1 + random.Next(48)), DistributionType = type,
                ResponsibleList = type == "manually" ? new() { new[] { "user", "1" } } : new() { new[] { "user", "1" }, new[] { "user", "2" } },
                Activity = PortalClock.SeedEpoch.AddMinutes(random.Next(10000)),
            });
            ids.Add(id);
        }
        return ids;
    }

    public static IReadOnlyList<long> SeedTasks(TasksArea area, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = area.Portal.Random;
        var users = area.Portal.Area<UsersArea>().All.Select(u => u.Id).OrderBy(i => i).ToList();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var id = area.NextTaskId();
            var created = PortalClock.SeedEpoch.AddMinutes(random.Next(100000));
            area.AddTask(new TaskRow
            {
                Id = id, Title = $"{Words[random.Next(Words.Length)]} {id}", CreatedBy = 1, CreatedDate = created,
                ResponsibleId = users[random.Next(users.Count)], Priority = random.Next(3),
                Deadline = random.Next(2) == 0 ? null : created.AddDays(1 + random.Next(30)),
                Guid = "{" + new Guid(random.NextBytes16()).ToString() + "}",
            });
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>16 bytes for a Guid from the seeded Random.</summary>
    public static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
