namespace Bitrix24.PowerShell.Commands
{
    /// <summary>One successful sub-call of Invoke-B24Batch.</summary>
    public sealed class B24BatchItem
    {
        public B24BatchItem(string key, string method, object? result, int? total, int? next)
        {
            Key = key;
            Method = method;
            Result = result;
            Total = total;
            Next = next;
        }

        /// <summary>The key the sub-call was given in -Command.</summary>
        public string Key { get; }

        public string Method { get; }

        /// <summary>The sub-call's result as PowerShell objects (PSCustomObject, object[] or a scalar).</summary>
        public object? Result { get; }

        /// <summary>The list total, when the method is a list and the count was not skipped.</summary>
        public int? Total { get; }

        /// <summary>The start value of the next page, when there is one.</summary>
        public int? Next { get; }
    }
}
