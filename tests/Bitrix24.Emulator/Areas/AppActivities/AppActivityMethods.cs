using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>
/// bizproc.robot.add|update|list|delete and bizproc.activity.add|update|list|delete: one set of handlers for
/// both kinds (<see cref="AppActivityKind"/>), in the portal's order of checks — application context (before
/// the handler), administrator, data, code, handler URL, properties, document type, filter, placement, then
/// whether the code is taken. Errors are HTTP 400 with the documented codes and texts.
/// </summary>
internal static partial class AppActivityMethods
{
    private const string ValidationFailure = "ERROR_ACTIVITY_VALIDATION_FAILURE";

    /// <summary>The fields a definition may hold (FIELDS of update too); others are ignored as the portal does.</summary>
    private static readonly string[] KnownFields =
        ["HANDLER", "AUTH_USER_ID", "USE_SUBSCRIPTION", "NAME", "DESCRIPTION", "PROPERTIES", "RETURN_PROPERTIES", "DOCUMENT_TYPE", "FILTER", "USE_PLACEMENT", "PLACEMENT_HANDLER"];

    [GeneratedRegex("^[a-z0-9.\\-_]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyKeyPattern();

    public static MethodHandler Add(AppActivityKind kind) => context =>
    {
        context.RequireAdmin();
        var data = Prepare(context.Params.Without("auth").Raw, ignore: false);
        if (data.Count == 0)
            throw Invalid("Empty data!");
        var code = RequireCode(data);
        foreach (var required in new[] { "NAME", "HANDLER" })
            if (!PhpValues.IsTruthy(data[required]))
                throw Invalid("Empty activity " + required + "!");
        var fields = new JsonObject();
        foreach (var name in KnownFields)
            if (data[name] is { } value)
                fields[name] = value.DeepClone();
        Validate(fields, kind);

        var area = context.Area<AppActivitiesArea>();
        var app = context.Caller.ApplicationId!;
        if (area.Find(app, code) is not null)
            throw new RestException(400, "ERROR_ACTIVITY_ALREADY_INSTALLED", kind.AlreadyInstalled);
        area.Add(app, code, kind.IsRobot, fields);
        return new MethodResult(JsonValue.Create(true));
    };

    public static MethodHandler Update(AppActivityKind kind) => context =>
    {
        context.RequireAdmin();
        var data = Prepare(context.Params.Without("auth").Raw, ignore: false);
        var code = RequireCode(data);
        var given = data["FIELDS"] as JsonObject;
        var fields = new JsonObject();
        foreach (var name in KnownFields)
            if (given?[name] is { } value)
                fields[name] = value.DeepClone();
        if (fields.Count == 0)
            throw Invalid("No fields to update");
        var row = context.Area<AppActivitiesArea>().Find(context.Caller.ApplicationId!, code);
        if (row is null || row.IsRobot != kind.IsRobot)
            throw new RestException(400, "ERROR_ACTIVITY_NOT_FOUND", kind.UpdateNotFound);
        if (fields.ContainsKey("NAME") && !PhpValues.IsTruthy(fields["NAME"]))
            throw Invalid("Empty activity NAME!");
        var merged = (JsonObject)row.Fields.DeepClone();
        foreach (var (name, value) in fields)
            merged[name] = value!.DeepClone();
        Validate(merged, kind);
        row.Fields = merged;
        return new MethodResult(JsonValue.Create(true));
    };

    public static MethodHandler List(AppActivityKind kind) => context =>
    {
        context.RequireAdmin();
        var codes = context.Area<AppActivitiesArea>().Of(context.Caller.ApplicationId!, kind.IsRobot).Select(r => (JsonNode?)r.Code);
        return new MethodResult(new JsonArray(codes.ToArray()));
    };

    public static MethodHandler Delete(AppActivityKind kind) => context =>
    {
        context.RequireAdmin();
        var data = Prepare(context.Params.Without("auth").Raw, ignore: false);
        var code = RequireCode(data);
        var area = context.Area<AppActivitiesArea>();
        var row = area.Find(context.Caller.ApplicationId!, code);
        if (row is null || row.IsRobot != kind.IsRobot)
            throw new RestException(400, "ERROR_ACTIVITY_NOT_FOUND", kind.DeleteNotFound);
        area.Remove(row);
        return new MethodResult(JsonValue.Create(true));
    };

    private static RestException Invalid(string description) => new(400, ValidationFailure, description);

    private static string RequireCode(JsonObject data)
    {
        var code = PhpValues.ToText(data["CODE"]);
        if (code.Length == 0 || data["CODE"] is JsonObject or JsonArray)
            throw Invalid("Empty activity code!");
        if (!CodePattern().IsMatch(code))
            throw Invalid("Wrong activity code!");
        return code;
    }

    /// <summary>A whole definition (after an update's merge): handler URLs, properties, document type, filter, placement.</summary>
    private static void Validate(JsonObject fields, AppActivityKind kind)
    {
        ValidateHandler(fields["HANDLER"]);
        foreach (var name in new[] { "PROPERTIES", "RETURN_PROPERTIES" })
            if (fields.ContainsKey(name))
                ValidateProperties(fields[name]);
        if (fields.ContainsKey("DOCUMENT_TYPE") && !IsDocumentType(fields["DOCUMENT_TYPE"], kind))
            throw Invalid("Wrong activity DOCUMENT_TYPE!");
        if (fields.ContainsKey("FILTER") && !PhpValues.IsArray(fields["FILTER"]))
            throw Invalid("Wrong activity FILTER!");
        if (PhpValues.ToText(fields["USE_PLACEMENT"]) == "Y")
            ValidateHandler(fields["PLACEMENT_HANDLER"]);
    }

    /// <summary>An absolute http(s) URL with a host (the portal also wants the application's domain; the
    /// emulator's applications have none, so any host is taken).</summary>
    private static void ValidateHandler(JsonNode? handler)
    {
        var text = PhpValues.ToText(handler);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            if (text.Contains("://", StringComparison.Ordinal))
                throw new RestException(400, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
            throw new RestException(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
        }
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new RestException(400, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
    }

    private static void ValidateProperties(JsonNode? properties)
    {
        if (properties is not JsonObject and not JsonArray)
            throw Invalid("Wrong properties array!");
        foreach (var (key, property) in PhpValues.Entries(properties)!)
        {
            if (!PropertyKeyPattern().IsMatch(key))
                throw Invalid("Wrong property key " + key + "!");
            if (property is not JsonObject obj || !PhpValues.IsTruthy(obj["NAME"]))
                throw Invalid("Empty property NAME " + key + "!");
        }
    }

    private static bool IsDocumentType(JsonNode? node, AppActivityKind kind)
    {
        var parts = PhpValues.Entries(node);
        if (parts is not { Count: 3 } || parts.Any(p => p.Value is not JsonValue))
            return false;
        return DocumentTypes.IsDocumentType(PhpValues.ToText(parts[0].Value), PhpValues.ToText(parts[1].Value), PhpValues.ToText(parts[2].Value), kind.CrmOnly);
    }

    /// <summary>The portal's prepareActivityData: keys upper-cased at every level except the direct keys of
    /// PROPERTIES, RETURN_PROPERTIES and OPTIONS (property names, option values) and of NAME/DESCRIPTION
    /// (language ids).</summary>
    private static JsonObject Prepare(JsonObject data, bool ignore)
    {
        var result = new JsonObject();
        foreach (var (key, value) in data)
        {
            var name = ignore ? key : key.ToUpperInvariant();
            var keepChildKeys = name is "PROPERTIES" or "RETURN_PROPERTIES" or "OPTIONS" or "NAME" or "DESCRIPTION";
            result[name] = value switch
            {
                JsonObject child => Prepare(child, keepChildKeys),
                JsonArray list => new JsonArray(list.Select(item => item is JsonObject o ? (JsonNode)Prepare(o, false) : item?.DeepClone()).ToArray()),
                _ => value?.DeepClone(),
            };
        }
        return result;
    }
}
