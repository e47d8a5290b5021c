using Bitrix24.Emulator.Areas.BizprocTasks;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator;

/// <summary>What tests read and seed of the workflow-task area (each call takes the portal lock).</summary>
public sealed partial class PortalState
{
    /// <summary>Ids of running tasks (STATUS 0), of one user or of everyone.</summary>
    public IReadOnlyList<long> RunningTaskIds(long? userId = null)
    {
        lock (SyncRoot)
            return Area<BizprocTasksArea>().All.Where(t => t.Running && (userId is null || t.UserId == userId))
                .Select(t => t.Id).Order().ToList();
    }

    /// <summary>The user a task belongs to now; null for an unknown id.</summary>
    public long? TaskUser(long taskId)
    {
        lock (SyncRoot)
            return Area<BizprocTasksArea>().Find(taskId)?.UserId;
    }

    /// <summary>STATUS of a task (0 running, 1 approved, 2 rejected, 3 completed); null for an unknown id.</summary>
    public long? TaskStatus(long taskId)
    {
        lock (SyncRoot)
            return Area<BizprocTasksArea>().Find(taskId)?.Status;
    }

    /// <summary>How many times complete succeeded per task (only tasks completed at least once).</summary>
    public IReadOnlyDictionary<long, int> TaskCompletions()
    {
        lock (SyncRoot)
            return Area<BizprocTasksArea>().All.Where(t => t.Completions > 0).ToDictionary(t => t.Id, t => t.Completions);
    }

    /// <summary>The comment and FIELDS complete received for a task, as plain values.</summary>
    public (string? Comment, IReadOnlyDictionary<string, object?>? Fields) TaskAnswer(long taskId)
    {
        lock (SyncRoot)
            return Area<BizprocTasksArea>().Find(taskId) is { } task
                ? (task.Comment, task.Answer is null ? null : (IReadOnlyDictionary<string, object?>)PhpValues.ToPlain(task.Answer)!)
                : (null, null);
    }

    /// <summary>Adds N running approval tasks for a user (one workflow each); returns the workflow ids.</summary>
    public IReadOnlyList<string> SeedBizprocTasks(int count, long userId = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
        {
            Changed();
            return TaskSeeder.SeedApprovals(Area<BizprocTasksArea>(), count, userId);
        }
    }
}
