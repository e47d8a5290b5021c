using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A task's creator or responsible person as tasks.task.* answers describe them.</summary>
    public sealed class TaskUser : B24Entity
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("link")] public string? Link { get; set; }
        [JsonPropertyName("icon")] public string? Icon { get; set; }
        [JsonPropertyName("workPosition")] public string? WorkPosition { get; set; }

        // What a table cell and Export-Csv show.
        public override string ToString() => Name + " (" + Id + ")";
    }
}
