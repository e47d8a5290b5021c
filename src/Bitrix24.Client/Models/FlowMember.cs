namespace Bitrix24.Client.Models
{
    /// <summary>One entry of a flow's member lists: the portal's [type, id] pair, such as ["user", "3"],
    /// ["department", "17:F"] (without sub-departments) or ["meta-user", "all-users"] (everyone).</summary>
    public sealed class FlowMember
    {
        public FlowMember(string type, string id)
        {
            Type = type;
            Id = id;
        }

        public string Type { get; }
        public string Id { get; }

        // "user:3": a table cell, and Export-Csv (the list joins them with commas).
        public override string ToString() => Type + ":" + Id;
    }
}
