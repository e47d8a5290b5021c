using System;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A running workflow (business process instance) from bizproc.workflow.instances.</summary>
    public sealed class Workflow : B24Entity
    {
        /// <summary>Workflow id such as 66e412fdc9bd44.36306599: a string, ordered as a string.</summary>
        [JsonPropertyName("ID")] public string Id { get; set; } = "";
        [JsonPropertyName("MODIFIED")] public DateTimeOffset? Modified { get; set; }
        [JsonPropertyName("OWNED_UNTIL")] public DateTimeOffset? OwnedUntil { get; set; }
        [JsonPropertyName("MODULE_ID")] public string? ModuleId { get; set; }
        [JsonPropertyName("ENTITY")] public string? Entity { get; set; }
        [JsonPropertyName("DOCUMENT_ID")] public string? DocumentId { get; set; }
        [JsonPropertyName("STARTED")] public DateTimeOffset? Started { get; set; }
        [JsonPropertyName("STARTED_BY")] public int? StartedBy { get; set; }
        [JsonPropertyName("TEMPLATE_ID")] public int? TemplateId { get; set; }

        /// <summary>The three-part document id (module, entity, document), when all three are known. A method,
        /// not a property: the output objects hold each portal field once.</summary>
        public DocumentId? GetDocument() => ModuleId is null || Entity is null || DocumentId is null
            ? null : new DocumentId(ModuleId, Entity, DocumentId);

        /// <summary>Stuck: locked for more than 5 minutes (the docs' definition).</summary>
        [JsonIgnore]
        public bool IsStuck => OwnedUntil is { } until && DateTimeOffset.UtcNow - until > TimeSpan.FromMinutes(5);

        /// <summary>The id: "$workflow" in a string, and what Stop-B24Workflow takes.</summary>
        public override string ToString() => Id;
    }
}
