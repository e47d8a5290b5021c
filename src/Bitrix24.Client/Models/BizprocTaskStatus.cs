namespace Bitrix24.Client.Models
{
    /// <summary>STATUS of a workflow task in bizproc.task.list (the page's values 0–4).</summary>
    public enum BizprocTaskState
    {
        Running = 0,
        Approved = 1,
        Rejected = 2,
        /// <summary>Acknowledged, or a request for information answered ("3 — completed").</summary>
        Completed = 3,
        Overdue = 4,
    }

    /// <summary>STATUS sent to bizproc.task.complete: 1 yes, 2 no, 3 ok, 4 cancel. Which ones a task takes
    /// depends on its type (<see cref="BizprocTask.AllowedStatuses"/>).</summary>
    public enum BizprocTaskCompletion
    {
        Approved = 1,
        Rejected = 2,
        Acknowledged = 3,
        Cancelled = 4,
    }
}
