using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A workflow task (an approval, acknowledgment or request for information waiting for a person)
    /// from bizproc.task.list. Ids and numbers come as strings; here they are numbers.</summary>
    public sealed class BizprocTask : B24Entity
    {
        public const string ApproveActivity = "ApproveActivity";
        public const string ReviewActivity = "ReviewActivity";
        public const string RequestActivity = "RequestInformationActivity";
        public const string RequestOptionalActivity = "RequestInformationOptionalActivity";

        [JsonPropertyName("ID")] public long Id { get; set; }
        [JsonPropertyName("WORKFLOW_ID")] public string? WorkflowId { get; set; }
        [JsonPropertyName("NAME")] public string? Name { get; set; }
        [JsonPropertyName("DESCRIPTION")] public string? Description { get; set; }
        [JsonPropertyName("DOCUMENT_NAME")] public string? DocumentName { get; set; }
        [JsonPropertyName("STATUS")] public BizprocTaskState? Status { get; set; }
        [JsonPropertyName("USER_ID")] public long? UserId { get; set; }
        /// <summary>The user's answer: 0 waiting, 1 yes, 2 no, 3 ok.</summary>
        [JsonPropertyName("USER_STATUS")] public int? UserStatus { get; set; }
        /// <summary>ApproveActivity, ReviewActivity, RequestInformationActivity, RequestInformationOptionalActivity.</summary>
        [JsonPropertyName("ACTIVITY")] public string? Activity { get; set; }
        [JsonPropertyName("ACTIVITY_NAME")] public string? ActivityName { get; set; }
        [JsonPropertyName("MODIFIED")] public DateTimeOffset? Modified { get; set; }
        [JsonPropertyName("OVERDUE_DATE")] public DateTimeOffset? OverdueDate { get; set; }
        [JsonPropertyName("WORKFLOW_STARTED")] public DateTimeOffset? WorkflowStarted { get; set; }
        [JsonPropertyName("WORKFLOW_STARTED_BY")] public long? WorkflowStartedBy { get; set; }
        [JsonPropertyName("WORKFLOW_TEMPLATE_ID")] public int? WorkflowTemplateId { get; set; }
        [JsonPropertyName("WORKFLOW_TEMPLATE_NAME")] public string? WorkflowTemplateName { get; set; }
        [JsonPropertyName("WORKFLOW_STATE")] public string? WorkflowState { get; set; }
        [JsonPropertyName("MODULE_ID")] public string? ModuleId { get; set; }
        [JsonPropertyName("ENTITY")] public string? Entity { get; set; }
        [JsonPropertyName("DOCUMENT_ID")] public string? DocumentId { get; set; }
        [JsonPropertyName("DOCUMENT_URL")] public string? DocumentUrl { get; set; }
        [JsonPropertyName("PARAMETERS")] public BizprocTaskParameters? Parameters { get; set; }

        /// <summary>The statuses bizproc.task.complete takes for this task's type (empty for an unknown type).</summary>
        [JsonIgnore]
        public FieldList<BizprocTaskCompletion> AllowedStatuses => new FieldList<BizprocTaskCompletion>(AllowedFor(Activity));

        /// <summary>The statuses a task of <paramref name="activity"/> can be completed with (the complete page's table).</summary>
        public static BizprocTaskCompletion[] AllowedFor(string? activity) => activity switch
        {
            ApproveActivity => new[] { BizprocTaskCompletion.Approved, BizprocTaskCompletion.Rejected },
            ReviewActivity or RequestActivity => new[] { BizprocTaskCompletion.Acknowledged },
            RequestOptionalActivity => new[] { BizprocTaskCompletion.Acknowledged, BizprocTaskCompletion.Cancelled },
            _ => Array.Empty<BizprocTaskCompletion>(),
        };

        /// <summary>A request's fields as a fillable map, Id → Default, for -Fields of Complete-B24BizprocTask.</summary>
        public Dictionary<string, object?> NewFieldValues()
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in Parameters?.Fields ?? Array.Empty<BizprocTaskField>())
                values[field.Id] = field.Default;
            return values;
        }

        /// <summary>"1477 Approve Contractor": the id a cmdlet takes and the name a person reads.</summary>
        public override string ToString()
            => Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(Name) ? "" : " " + Name);
    }
}
