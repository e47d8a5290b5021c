using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Bitrix24.Client.Models
{
    /// <summary>A list field (user departments, a template's document type). A list still, for code and
    /// ConvertTo-Json; its ToString joins the values with commas, so Export-Csv and string expansion write
    /// "1,3" instead of the type's name.</summary>
    public sealed class FieldList<T> : ReadOnlyCollection<T>
    {
        public FieldList(IList<T> items) : base(items) { }

        public override string ToString() => string.Join(",", this);
    }
}
