using System.Text.Json.Nodes;

using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>A workflow instance. Running ones are listed by bizproc.workflow.instances; terminated ones keep
/// their data (terminate preserves it) but are no longer listed; killed ones are deleted.</summary>
internal sealed class WorkflowRow
{
    public string Id { get; init; } = "";
    public long TemplateId { get; init; }
    public string ModuleId { get; init; } = "";
    public string Entity { get; init; } = "";
    public string DocumentId { get; init; } = "";
    public DateTimeOffset Started { get; init; }
    public long StartedBy { get; init; }
    public DateTimeOffset Modified { get; set; }
    /// <summary>Lock time; null unless the workflow is being executed (older than 5 minutes = stuck).</summary>
    public DateTimeOffset? OwnedUntil { get; set; }
    public JsonObject Parameters { get; init; } = new();
    public bool Running { get; set; } = true;
    public string? StatusText { get; set; }

    /// <summary>The docs' example: ID a string, TEMPLATE_ID and STARTED_BY strings, dates ISO 8601 with offset.</summary>
    public static readonly Schema<WorkflowRow> Schema = new(
        new("ID", FieldKind.Text, w => w.Id),
        new("MODIFIED", FieldKind.Date, w => w.Modified),
        new("OWNED_UNTIL", FieldKind.Date, w => w.OwnedUntil),
        new("MODULE_ID", FieldKind.Text, w => w.ModuleId),
        new("ENTITY", FieldKind.Text, w => w.Entity),
        new("DOCUMENT_ID", FieldKind.Text, w => w.DocumentId),
        new("STARTED", FieldKind.Date, w => w.Started),
        new("STARTED_BY", FieldKind.Integer, w => w.StartedBy),
        new("TEMPLATE_ID", FieldKind.Integer, w => w.TemplateId));
}
