namespace Bitrix24.Client.Models
{
    /// <summary>A task's STATUS as the fields page lists it ("2"–"6"). A value the page does not list stays its
    /// number (an enum holds any int), so a newer portal's status is shown, not lost.</summary>
    public enum TaskItemStatus
    {
        /// <summary>2 — waiting for execution.</summary>
        Pending = 2,
        InProgress = 3,
        /// <summary>4 — done by the assignee, waiting for the creator's review.</summary>
        AwaitingControl = 4,
        Completed = 5,
        /// <summary>6 — postponed.</summary>
        Deferred = 6,
    }
}
