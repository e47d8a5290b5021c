using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>PARAMETERS of a workflow task: the comment rules, the button labels, and for a request for
    /// information the fields to fill.</summary>
    public sealed class BizprocTaskParameters : B24Entity
    {
        [JsonPropertyName("CommentLabel")] public string? CommentLabel { get; set; }
        /// <summary>N no, Y always, YA on approval, YR on rejection.</summary>
        [JsonPropertyName("CommentRequired")] public string? CommentRequired { get; set; }
        [JsonPropertyName("ShowComment")] public bool? ShowComment { get; set; }
        [JsonPropertyName("StatusOkLabel")] public string? StatusOkLabel { get; set; }
        [JsonPropertyName("StatusYesLabel")] public string? StatusYesLabel { get; set; }
        [JsonPropertyName("StatusNoLabel")] public string? StatusNoLabel { get; set; }
        [JsonPropertyName("StatusCancelLabel")] public string? StatusCancelLabel { get; set; }
        [JsonPropertyName("Fields")] public IReadOnlyList<BizprocTaskField>? Fields { get; set; }

        /// <summary>Whether completing with <paramref name="status"/> needs a comment (CommentRequired).</summary>
        public bool RequiresComment(BizprocTaskCompletion status) => CommentRequired switch
        {
            "Y" => true,
            "YA" => status == BizprocTaskCompletion.Approved || status == BizprocTaskCompletion.Acknowledged,
            "YR" => status == BizprocTaskCompletion.Rejected || status == BizprocTaskCompletion.Cancelled,
            _ => false,
        };

        public override string ToString() => "Comment: " + (CommentRequired ?? "N")
            + (Fields is { Count: > 0 } fields ? "; fields: " + string.Join(",", System.Linq.Enumerable.Select(fields, f => f.Id)) : "");
    }

    /// <summary>One field a request for information asks for (PARAMETERS.Fields).</summary>
    public sealed class BizprocTaskField : B24Entity
    {
        [JsonPropertyName("Id")] public string Id { get; set; } = "";
        /// <summary>bool, date, datetime, double, int, select, string, text, user, file, or a document's own type.</summary>
        [JsonPropertyName("Type")] public string? Type { get; set; }
        [JsonPropertyName("Name")] public string? Name { get; set; }
        [JsonPropertyName("Description")] public string? Description { get; set; }
        [JsonPropertyName("Multiple")] public bool Multiple { get; set; }
        [JsonPropertyName("Required")] public bool Required { get; set; }
        /// <summary>A select's options (key → text), or a CRM binding's entity types.</summary>
        [JsonPropertyName("Options")] public IReadOnlyDictionary<string, object?>? Options { get; set; }
        /// <summary>The default value, in the form bizproc.task.complete takes (dates ISO 8601, files as links).</summary>
        [JsonPropertyName("Default")] public object? Default { get; set; }

        public override string ToString() => Id + " (" + Type + (Required ? ", required" : "") + ")";
    }
}
