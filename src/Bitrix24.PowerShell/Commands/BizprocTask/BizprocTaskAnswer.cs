using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// What Complete-B24BizprocTask checks before sending, when the task object is at hand: the status its type
    /// allows, the comment it demands, and a request's fields (each known, the required ones given, values of
    /// the field's type; files given as paths become the documented [name, base64] payload). Each failure is
    /// an ArgumentException that names the task, the parameter or field, and what is accepted.
    /// </summary>
    internal static class BizprocTaskAnswer
    {
        /// <summary>Files above this size are refused locally: a request carries them base64-encoded.</summary>
        private const long MaxFileBytes = 50L * 1024 * 1024;

        public static void CheckStatus(BizprocTask task, BizprocTaskCompletion status, string? comment)
        {
            var allowed = task.AllowedStatuses;
            if (task.Activity is not null && allowed.Count > 0 && !allowed.Contains(status))
                throw new ArgumentException("Task " + task.Id + " (" + Describe(task.Activity) + ") takes -Status "
                    + string.Join(" or ", allowed) + ", not " + status + ".");
            if (task.Parameters is { } parameters && parameters.RequiresComment(status) && string.IsNullOrWhiteSpace(comment))
                throw new ArgumentException("Task " + task.Id + " requires a comment to be completed as " + status
                    + " (CommentRequired " + parameters.CommentRequired + "): give -Comment.");
        }

        /// <summary>-Fields as sent: checked against the task's PARAMETERS.Fields when <paramref name="task"/> is
        /// known (a request completed as Acknowledged); files turned into payloads either way.</summary>
        public static Dictionary<string, object?>? Fields(BizprocTask? task, BizprocTaskCompletion status, IDictionary? given,
            Func<string, string> resolvePath)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (given is not null)
            {
                foreach (DictionaryEntry entry in given)
                    values[entry.Key?.ToString() ?? ""] = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
            }
            var described = task?.Parameters?.Fields;
            var isRequest = task?.Activity is BizprocTask.RequestActivity or BizprocTask.RequestOptionalActivity;
            if (described is null || !isRequest || status != BizprocTaskCompletion.Acknowledged)
            {
                if (task is not null && values.Count > 0 && !isRequest)
                    throw new ArgumentException("Task " + task.Id + " (" + Describe(task.Activity) + ") takes no -Fields: only a request for information has fields.");
                return values.Count == 0 ? null : values.ToDictionary(p => p.Key, p => IsFile(p.Value) ? FilePayload(p.Value, resolvePath) : p.Value);
            }

            var byId = described.ToDictionary(f => f.Id, StringComparer.Ordinal);
            foreach (var key in values.Keys)
                if (!byId.ContainsKey(key))
                    throw new ArgumentException("Task " + task!.Id + " has no field '" + key + "'; -Fields takes "
                        + string.Join(", ", described.Select(f => "'" + f.Id + "'")) + ".");
            var answer = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in described)
            {
                values.TryGetValue(field.Id, out var value);
                var items = Items(value, field.Multiple);
                if (items.Count == 0)
                {
                    if (field.Required)
                        throw new ArgumentException("Task " + task!.Id + " requires the field '" + field.Id + "' (" + field.Name
                            + "): add it to -Fields ($task.NewFieldValues() gives every field with its default).");
                    continue;
                }
                var converted = items.Select(item => Convert(task!, field, item, resolvePath)).ToList();
                answer[field.Id] = field.Multiple ? converted : converted[0];
            }
            return answer.Count == 0 ? null : answer;
        }

        private static List<object?> Items(object? value, bool multiple)
        {
            if (value is null || value is string { Length: 0 })
                return new List<object?>();
            if (multiple && value is IEnumerable list && value is not string)
                return list.Cast<object?>().Select(v => v is PSObject ps ? ps.BaseObject : v).Where(v => v is not null && !(v is string { Length: 0 })).ToList();
            return new List<object?> { value };
        }

        /// <summary>One value in the form the portal takes for the field's type.</summary>
        private static object? Convert(BizprocTask task, BizprocTaskField field, object? value, Func<string, string> resolvePath)
        {
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            ArgumentException Wrong(string accepted) => new ArgumentException("Task " + task.Id + ", field '" + field.Id + "' (" + field.Type
                + "): " + accepted + "; '" + text + "' is not one.");
            switch (field.Type)
            {
                case "int":
                    return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : throw Wrong("takes a whole number");
                case "double":
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Wrong("takes a number");
                case "bool":
                    return value switch
                    {
                        bool flag => flag ? "Y" : "N",
                        _ when text is "Y" or "N" => text,
                        _ => throw Wrong("takes $true/$false or Y/N"),
                    };
                case "date":
                case "datetime":
                    return value switch
                    {
                        DateTimeOffset offset => offset.ToString(field.Type == "date" ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                        DateTime date => new DateTimeOffset(date).ToString(field.Type == "date" ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                        _ when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => text,
                        _ => throw Wrong("takes a date (a [datetime] or ISO 8601 text)"),
                    };
                case "select":
                    if (field.Options is { } options && options.ContainsKey(text))
                        return text;
                    throw Wrong("takes one of the option keys " + string.Join(", ", (field.Options?.Keys ?? Enumerable.Empty<string>()).Select(k => "'" + k + "'")));
                case "user":
                    var user = text.StartsWith("user_", StringComparison.Ordinal) ? text.Substring(5) : text;
                    return long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? "user_" + id : throw Wrong("takes a user id (7 or user_7)");
                case "file":
                    return FilePayload(value, resolvePath);
                default:
                    if (value is IDictionary || (value is IEnumerable && value is not string))
                        throw Wrong("takes one value");
                    return value;
            }
        }

        private static bool IsFile(object? value) => value is FileInfo;

        /// <summary>[name, base64]: the file payload the complete page documents.</summary>
        private static object FilePayload(object? value, Func<string, string> resolvePath)
        {
            var path = value is FileInfo info ? info.FullName : resolvePath(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            var file = new FileInfo(path);
            if (!file.Exists)
                throw new ArgumentException("File '" + path + "' does not exist: a file field takes the path of a file to attach.");
            if (file.Length > MaxFileBytes)
                throw new ArgumentException("File '" + path + "' is " + file.Length / (1024 * 1024) + " MB; a file field takes at most 50 MB.");
            return new object[] { file.Name, System.Convert.ToBase64String(File.ReadAllBytes(file.FullName)) };
        }

        private static string Describe(string? activity) => activity switch
        {
            BizprocTask.ApproveActivity => "approval (ApproveActivity)",
            BizprocTask.ReviewActivity => "review (ReviewActivity)",
            BizprocTask.RequestActivity => "request for information (RequestInformationActivity)",
            BizprocTask.RequestOptionalActivity => "request for information with rejection (RequestInformationOptionalActivity)",
            _ => activity ?? "task of unknown type",
        };
    }
}
