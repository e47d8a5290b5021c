using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Client.Serialization;

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

        // In the order of the switch below; the same names as the JsonPropertyName attributes above, and the
        // [JsonIgnore] property, whose name the serializer skips rather than keeping it as an unknown field.
        private static readonly FieldNames Fields = new FieldNames(
            "ID", "MODIFIED", "OWNED_UNTIL", "MODULE_ID", "ENTITY", "DOCUMENT_ID", "STARTED", "STARTED_BY", "TEMPLATE_ID", nameof(IsStuck));

        /// <summary>A bizproc.workflow.instances row, read by hand (see <see cref="RowReading"/>): the same
        /// workflow as <c>B24Json.Deserialize&lt;Workflow&gt;</c> gives, at a fraction of the cost per row.</summary>
        [MethodImpl(HotPath.Optimized)]
        internal static Workflow FromRow(JsonElement row)
        {
            var workflow = new Workflow();
            foreach (var field in RowReading.Fields<Workflow>(row))
            {
                var value = field.Value;
                switch (RowReading.Match(field, Fields))
                {
                    case 0: workflow.Id = RowReading.Text(value)!; break;
                    case 1: workflow.Modified = RowReading.Date(value); break;
                    case 2: workflow.OwnedUntil = RowReading.Date(value); break;
                    case 3: workflow.ModuleId = RowReading.Text(value); break;
                    case 4: workflow.Entity = RowReading.Text(value); break;
                    case 5: workflow.DocumentId = RowReading.Text(value); break;
                    case 6: workflow.Started = RowReading.Date(value); break;
                    case 7: workflow.StartedBy = RowReading.WholeNumber<Workflow>(field); break;
                    case 8: workflow.TemplateId = RowReading.WholeNumber<Workflow>(field); break;
                    case 9: break;
                    default: RowReading.Keep(workflow, field); break;
                }
            }
            return workflow;
        }
    }
}
