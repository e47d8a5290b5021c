using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>
/// FIELDS of a request for information checked against the task's PARAMETERS.Fields: required ones present,
/// values of the field's type (int, double, bool, date, datetime, select option keys, user as N or user_N,
/// file as base64 or [name, base64]); a list for Multiple. Failures are ERROR_TASK_EXECUTION with the
/// task's own text, as the complete page says.
/// </summary>
internal static class TaskFieldValues
{
    public static JsonObject Check(IEnumerable<JsonObject> fields, JsonNode? given)
    {
        var values = PhpValues.Entries(given) ?? [];
        var answer = new JsonObject();
        foreach (var field in fields)
        {
            var id = PhpValues.ToText(field["Id"]);
            var name = PhpValues.ToText(field["Name"]);
            var value = values.FirstOrDefault(v => v.Key == id).Value;
            var items = Items(value, field["Multiple"]?.GetValue<bool>() == true);
            if (items.Count == 0)
            {
                if (field["Required"]?.GetValue<bool>() == true)
                    throw new RestException(400, "ERROR_TASK_EXECUTION", $"The field \"{name}\" is required.");
                continue;
            }
            var type = PhpValues.ToText(field["Type"]);
            foreach (var item in items)
                if (!Plausible(type, item, field["Options"]))
                    throw new RestException(400, "ERROR_TASK_EXECUTION", $"The value of the field \"{name}\" is not a valid {type}.");
            answer[id] = value?.DeepClone();
        }
        return answer;
    }

    /// <summary>The values given for one field; empty ones dropped. A file's [name, base64] pair is one value.</summary>
    private static List<JsonNode?> Items(JsonNode? value, bool multiple)
    {
        if (value is null || (value is JsonValue && PhpValues.ToText(value) == ""))
            return [];
        if (!multiple || value is not (JsonArray or JsonObject))
            return [value];
        return PhpValues.Entries(value)!.Select(e => e.Value).Where(v => v is not null && !(v is JsonValue && PhpValues.ToText(v) == "")).ToList();
    }

    private static bool Plausible(string type, JsonNode? value, JsonNode? options)
    {
        var text = PhpValues.IsArray(value) ? "" : PhpValues.ToText(value);
        return type switch
        {
            "int" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "double" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "bool" => text is "Y" or "N" or "1" or "0" or "true" or "false",
            "date" or "datetime" => PortalClock.TryParse(text, out _),
            "select" => PhpValues.Entries(options)?.Any(o => o.Key == text) == true,
            "user" => long.TryParse(text.StartsWith("user_", StringComparison.Ordinal) ? text[5..] : text, out var user) && user > 0,
            "file" => IsFile(value),
            _ => !PhpValues.IsArray(value),
        };
    }

    /// <summary>base64, or [name, base64] (the documented file payload).</summary>
    private static bool IsFile(JsonNode? value)
    {
        var parts = PhpValues.Entries(value);
        if (parts is null)
            return IsBase64(PhpValues.ToText(value));
        return parts.Count == 2 && PhpValues.ToText(parts[0].Value).Length > 0 && IsBase64(PhpValues.ToText(parts[1].Value));
    }

    private static bool IsBase64(string text)
    {
        if (text.Length == 0)
            return false;
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
