using System.Text.Json.Nodes;

using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>A business process template (bizproc.workflow.template.list fields).</summary>
internal sealed class TemplateRow
{
    public long Id { get; init; }
    public string ModuleId { get; init; } = "crm";
    public string Entity { get; init; } = "";
    public string DocumentType { get; init; } = "";
    public long AutoExecute { get; set; }
    public string Name { get; set; } = "";
    public JsonNode Template { get; set; } = new JsonArray();
    /// <summary>Parameter name → {Name, Description, Type, Required, Multiple, Default}; an empty PHP array prints [].</summary>
    public JsonNode Parameters { get; init; } = new JsonArray();
    public JsonNode Variables { get; init; } = new JsonArray();
    public JsonNode Constants { get; init; } = new JsonArray();
    public DateTimeOffset Modified { get; set; }
    public bool IsModified { get; set; }
    public long UserId { get; set; } = 1;
    public string? SystemCode { get; init; }

    /// <summary>The application (client_id) that added it with bizproc.workflow.template.add; null for the
    /// portal's own templates, which no application may update or delete.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>DESCRIPTION as given (the list does not return it).</summary>
    public string? Description { get; set; }

    /// <summary>The .bpt file as received (TEMPLATE_DATA).</summary>
    public byte[]? TemplateData { get; set; }

    /// <summary>Numbers print as strings ("525"), as the portal fetches them from the database.</summary>
    public static readonly Schema<TemplateRow> Schema = new(
        new("ID", FieldKind.Integer, t => t.Id),
        new("MODULE_ID", FieldKind.Text, t => t.ModuleId),
        new("ENTITY", FieldKind.Text, t => t.Entity),
        new("DOCUMENT_TYPE", FieldKind.Text, t => t.DocumentType),
        new("AUTO_EXECUTE", FieldKind.Integer, t => t.AutoExecute),
        new("NAME", FieldKind.Text, t => t.Name),
        new("TEMPLATE", FieldKind.Structure, t => t.Template),
        new("PARAMETERS", FieldKind.Structure, t => t.Parameters),
        new("VARIABLES", FieldKind.Structure, t => t.Variables),
        new("CONSTANTS", FieldKind.Structure, t => t.Constants),
        new("MODIFIED", FieldKind.Date, t => t.Modified),
        new("IS_MODIFIED", FieldKind.YesNo, t => t.IsModified),
        new("USER_ID", FieldKind.Integer, t => t.UserId),
        new("SYSTEM_CODE", FieldKind.Text, t => t.SystemCode));
}
