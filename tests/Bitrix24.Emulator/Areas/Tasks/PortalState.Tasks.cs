using Bitrix24.Emulator.Areas.Tasks;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator;

/// <summary>What tests read and seed of the tasks area (each call takes the portal lock).</summary>
public sealed partial class PortalState
{
    /// <summary>Ids of all flows.</summary>
    public IReadOnlyList<long> FlowIds()
    {
        lock (SyncRoot)
            return Area<TasksArea>().Flows.Select(f => f.Id).OrderBy(i => i).ToList();
    }

    /// <summary>Ids of all tasks.</summary>
    public IReadOnlyList<long> TaskIds()
    {
        lock (SyncRoot)
            return Area<TasksArea>().Tasks.Select(t => t.Id).OrderBy(i => i).ToList();
    }

    /// <summary>A flow's active flag; null for an unknown id.</summary>
    public bool? FlowActive(long id)
    {
        lock (SyncRoot)
            return Area<TasksArea>().FindFlow(id)?.Active;
    }

    /// <summary>A custom field of a task as stored (plain .NET values), or null.</summary>
    public object? TaskCustomField(long id, string field)
    {
        lock (SyncRoot)
            return Area<TasksArea>().FindTask(id) is { } task && task.Custom.TryGetValue(field, out var value) ? PhpValues.ToPlain(value) : null;
    }

    /// <summary>Adds generated flows; returns their ids.</summary>
    public IReadOnlyList<long> SeedFlows(int count)
    {
        lock (SyncRoot)
        {
            Changed();
            return TasksSeeder.SeedFlows(Area<TasksArea>(), count);
        }
    }

    /// <summary>Adds generated tasks; returns their ids.</summary>
    public IReadOnlyList<long> SeedTasks(int count)
    {
        lock (SyncRoot)
        {
            Changed();
            return TasksSeeder.SeedTasks(Area<TasksArea>(), count);
        }
    }

    /// <summary>Makes a custom field required for new tasks (null drops the rule).</summary>
    public void RequireTaskField(string? field)
    {
        lock (SyncRoot)
            Area<TasksArea>().RequiredField = field?.ToUpperInvariant();
    }
}
