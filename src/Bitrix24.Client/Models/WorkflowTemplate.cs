using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A business process template from bizproc.workflow.template.list.</summary>
    public sealed class WorkflowTemplate : B24Entity
    {
        [JsonPropertyName("ID")] public int Id { get; set; }
        [JsonPropertyName("MODULE_ID")] public string? ModuleId { get; set; }
        [JsonPropertyName("ENTITY")] public string? Entity { get; set; }
        [JsonPropertyName("DOCUMENT_TYPE")] public JsonElement? DocumentType { get; set; }
        [JsonPropertyName("AUTO_EXECUTE")] public int? AutoExecute { get; set; }
        [JsonPropertyName("NAME")] public string? Name { get; set; }
        [JsonPropertyName("MODIFIED")] public DateTimeOffset? Modified { get; set; }
        [JsonPropertyName("IS_MODIFIED")] public bool? IsModified { get; set; }
        [JsonPropertyName("USER_ID")] public int? UserId { get; set; }
        [JsonPropertyName("SYSTEM_CODE")] public string? SystemCode { get; set; }
    }
}
