using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A business process template from bizproc.workflow.template.list.</summary>
    public sealed class WorkflowTemplate : B24Entity
    {
        [JsonPropertyName("ID")] public int Id { get; set; }
        [JsonPropertyName("MODULE_ID")] public string? ModuleId { get; set; }
        [JsonPropertyName("ENTITY")] public string? Entity { get; set; }
        /// <summary>Module, entity and document type, e.g. crm,CCrmDocumentDeal,DEAL.</summary>
        [JsonPropertyName("DOCUMENT_TYPE")] public IReadOnlyList<string>? DocumentType { get; set; }
        [JsonPropertyName("AUTO_EXECUTE")] public WorkflowAutoExecute? AutoExecute { get; set; }
        [JsonPropertyName("NAME")] public string? Name { get; set; }
        [JsonPropertyName("MODIFIED")] public DateTimeOffset? Modified { get; set; }
        [JsonPropertyName("IS_MODIFIED")] public bool? IsModified { get; set; }
        [JsonPropertyName("USER_ID")] public int? UserId { get; set; }
        [JsonPropertyName("SYSTEM_CODE")] public string? SystemCode { get; set; }

        /// <summary>"12 Lead approval": the id a cmdlet takes and the name a person reads.</summary>
        public override string ToString() => Name is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Name;
    }
}
