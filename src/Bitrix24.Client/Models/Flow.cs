using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A task flow as tasks.flow.Flow.create/update/get return it (numbers, true/false, [type, id] member pairs).</summary>
    public sealed class Flow : B24Entity
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; } = "";
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("active")] public bool Active { get; set; }
        [JsonPropertyName("creatorId")] public long CreatorId { get; set; }
        [JsonPropertyName("ownerId")] public long OwnerId { get; set; }
        [JsonPropertyName("groupId")] public long GroupId { get; set; }
        [JsonPropertyName("templateId")] public long TemplateId { get; set; }
        [JsonPropertyName("efficiency")] public int Efficiency { get; set; }
        /// <summary>Seconds; see <see cref="PlannedCompletion"/>.</summary>
        [JsonPropertyName("plannedCompletionTime")] public long PlannedCompletionTime { get; set; }
        [JsonPropertyName("activity")] public DateTimeOffset? Activity { get; set; }
        /// <summary>manually, queue or himself, as the portal writes it.</summary>
        [JsonPropertyName("distributionType")] public string? DistributionType { get; set; }
        /// <summary>[type, id] pairs: ["user","3"], ["department","17:F"].</summary>
        [JsonPropertyName("responsibleList")] public IReadOnlyList<FlowMember>? ResponsibleList { get; set; }
        [JsonPropertyName("demo")] public bool Demo { get; set; }
        [JsonPropertyName("responsibleCanChangeDeadline")] public bool ResponsibleCanChangeDeadline { get; set; }
        [JsonPropertyName("matchWorkTime")] public bool MatchWorkTime { get; set; }
        [JsonPropertyName("taskControl")] public bool TaskControl { get; set; }
        [JsonPropertyName("notifyAtHalfTime")] public bool NotifyAtHalfTime { get; set; }
        [JsonPropertyName("notifyOnQueueOverflow")] public int? NotifyOnQueueOverflow { get; set; }
        [JsonPropertyName("notifyOnTasksInProgressOverflow")] public int? NotifyOnTasksInProgressOverflow { get; set; }
        [JsonPropertyName("notifyWhenEfficiencyDecreases")] public int? NotifyWhenEfficiencyDecreases { get; set; }
        /// <summary>Who may add tasks; meta-user:all-users is everyone.</summary>
        [JsonPropertyName("taskCreators")] public IReadOnlyList<FlowMember>? TaskCreators { get; set; }
        [JsonPropertyName("team")] public IReadOnlyList<FlowMember>? Team { get; set; }
        [JsonPropertyName("trialFeatureEnabled")] public bool TrialFeatureEnabled { get; set; }

        [JsonIgnore] public TimeSpan PlannedCompletion => TimeSpan.FromSeconds(PlannedCompletionTime);

        public override string ToString() => Name + " (" + Id + ")";
    }
}
