namespace Bitrix24.Client.Models
{
    /// <summary>A task's PRIORITY as the fields page lists it (sent and answered as "0"–"2"). An enum, so tables
    /// and CSV files say High rather than 2, and a row read back binds to Add-B24Task -Priority as is.</summary>
    public enum TaskItemPriority
    {
        Low = 0,
        Medium = 1,
        High = 2,
    }
}
