using System.IO.Compression;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>bizproc.workflow.template.list (administrators only): SELECT (default ID), FILTER, ORDER (default
/// ID ascending), start. add/update/delete (application context, administrators): a template belongs to the
/// application that added it; TEMPLATE_DATA is the documented file value [name, base64] and must hold a .bpt
/// (a zlib stream, as the portal's export writes it).</summary>
internal static class TemplateMethods
{
    public static MethodResult List(MethodContext context)
    {
        context.RequireAdmin();
        var parameters = context.Params;
        var schema = TemplateRow.Schema;
        var fields = ListSelect.Parse(schema, parameters.Get("SELECT"), "ID");
        var filter = new ListFilter<TemplateRow>(schema, PhpValues.Entries(parameters.Get("FILTER")) ?? [], ListFilter<TemplateRow>.ComparisonOps, rejectOthers: true);
        var order = ListOrder<TemplateRow>.Parse(schema, parameters.Get("ORDER"), ("ID", false));
        return ListPage.Build(context, context.Area<BizprocArea>().Templates, filter, order, t => t.Id, t => schema.Render(t, fields));
    }

    private const string Validation = "ERROR_TEMPLATE_VALIDATION_FAILURE";

    public static MethodResult Add(MethodContext context)
    {
        context.RequireAdmin();
        var p = context.Params;
        var type = PhpValues.Entries(p.Get("DOCUMENT_TYPE"));
        if (type is not { Count: 3 } || type.Any(t => t.Value is not JsonValue)
            || !DocumentTypes.IsDocumentType(PhpValues.ToText(type[0].Value), PhpValues.ToText(type[1].Value), PhpValues.ToText(type[2].Value)))
            throw new RestException(400, Validation, "Incorrect field DOCUMENT_TYPE!");
        var name = PhpValues.ToText(p.Get("NAME"));
        if (name.Trim().Length == 0)
            throw new RestException(400, Validation, "Empty template name!");
        var autoExecute = AutoExecute(p.Get("AUTO_EXECUTE"));
        var data = TemplateData(p.Get("TEMPLATE_DATA"));
        var area = context.Area<BizprocArea>();
        var row = new TemplateRow
        {
            Id = area.NextTemplateId(),
            ModuleId = PhpValues.ToText(type[0].Value),
            Entity = PhpValues.ToText(type[1].Value),
            DocumentType = PhpValues.ToText(type[2].Value),
            Name = name,
            Description = p.Has("DESCRIPTION") ? PhpValues.ToText(p.Get("DESCRIPTION")) : null,
            AutoExecute = autoExecute ?? 0,
            TemplateData = data,
            Modified = PortalClock.Now,
            UserId = context.Caller.UserId,
            ApplicationId = context.Caller.ApplicationId,
        };
        area.AddTemplate(row);
        return new MethodResult(JsonValue.Create(row.Id));
    }

    public static MethodResult Update(MethodContext context)
    {
        context.RequireAdmin();
        var fields = context.Params.Get("FIELDS") as JsonObject;
        JsonNode? Field(string name) => fields?.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        bool Has(string name) => fields?.Any(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) == true;
        if (!new[] { "NAME", "DESCRIPTION", "TEMPLATE_DATA", "AUTO_EXECUTE" }.Any(Has))
            throw new RestException(400, Validation, "No fields to update.");
        var row = Owned(context, "update");
        if (Has("NAME") && PhpValues.ToText(Field("NAME")).Trim().Length == 0)
            throw new RestException(400, Validation, "Empty template name!");
        var autoExecute = Has("AUTO_EXECUTE") ? AutoExecute(Field("AUTO_EXECUTE")) : null;
        var data = Has("TEMPLATE_DATA") ? TemplateData(Field("TEMPLATE_DATA")) : null;
        if (Has("NAME"))
            row.Name = PhpValues.ToText(Field("NAME"));
        if (Has("DESCRIPTION"))
            row.Description = PhpValues.ToText(Field("DESCRIPTION"));
        if (autoExecute is { } value)
            row.AutoExecute = value;
        if (data is not null)
            row.TemplateData = data;
        row.Modified = PortalClock.Now;
        return new MethodResult(JsonValue.Create(row.Id));
    }

    public static MethodResult Delete(MethodContext context)
    {
        context.RequireAdmin();
        var row = Owned(context, "delete");
        context.Area<BizprocArea>().RemoveTemplate(row.Id);
        return new MethodResult(null);
    }

    /// <summary>The template of ID, if the calling application added it.</summary>
    private static TemplateRow Owned(MethodContext context, string verb)
    {
        var id = PhpValues.ToInt(context.Params.Get("ID"));
        var row = context.Area<BizprocArea>().FindTemplate(id) ?? throw new RestException(400, "ERROR_TEMPLATE_NOT_FOUND", "Workflow template not found.");
        if (row.ApplicationId != context.Caller.ApplicationId)
            throw new RestException(400, "ERROR_TEMPLATE_NOT_OWNER", "You can " + verb + " ONLY templates created by current application");
        return row;
    }

    /// <summary>0–3 (absent: null); anything else is refused.</summary>
    private static long? AutoExecute(JsonNode? node)
    {
        if (node is null)
            return null;
        var text = PhpValues.ToText(node);
        return node is JsonValue && long.TryParse(text, out var value) && value is >= 0 and <= 3 ? value
            : throw new RestException(400, Validation, "Incorrect field AUTO_EXECUTE!");
    }

    /// <summary>[file name, base64 content] whose content inflates as a zlib stream.</summary>
    private static byte[] TemplateData(JsonNode? node)
    {
        var parts = PhpValues.Entries(node);
        var invalid = new RestException(400, Validation, "Incorrect field TEMPLATE_DATA!");
        if (parts is not { Count: >= 2 } || PhpValues.ToText(parts[0].Value).Length == 0)
            throw invalid;
        try
        {
            var bytes = Convert.FromBase64String(PhpValues.ToText(parts[1].Value));
            using var zlib = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
            zlib.CopyTo(Stream.Null);
            return bytes.Length > 0 ? bytes : throw invalid;
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            throw invalid;
        }
    }
}
