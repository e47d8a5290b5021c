using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A task from tasks.task.add/get/list (named TaskItem so it never clashes with System.Threading.Tasks.Task).
    /// The portal writes ids and numbers as strings and flags as Y/N; here they are numbers and bools.
    /// Custom fields come as ufXxx (camelCase) in the unknown fields.</summary>
    public sealed class TaskItem : B24Entity
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("title")] public string Title { get; set; } = "";
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("responsibleId")] public long? ResponsibleId { get; set; }
        [JsonPropertyName("createdBy")] public long? CreatedBy { get; set; }
        /// <summary>0 low, 1 medium, 2 high.</summary>
        [JsonPropertyName("priority")] public TaskItemPriority? Priority { get; set; }
        /// <summary>2 waiting, 3 in progress, 4 awaiting control, 5 completed, 6 postponed.</summary>
        [JsonPropertyName("status")] public TaskItemStatus? Status { get; set; }
        [JsonPropertyName("groupId")] public long? GroupId { get; set; }
        [JsonPropertyName("flowId")] public long? FlowId { get; set; }
        [JsonPropertyName("parentId")] public long? ParentId { get; set; }
        [JsonPropertyName("createdDate")] public DateTimeOffset? CreatedDate { get; set; }
        [JsonPropertyName("deadline")] public DateTimeOffset? Deadline { get; set; }
        [JsonPropertyName("startDatePlan")] public DateTimeOffset? StartDatePlan { get; set; }
        [JsonPropertyName("endDatePlan")] public DateTimeOffset? EndDatePlan { get; set; }
        // Lists are FieldLists: "1,7" in Export-Csv, which Add-B24Task reads back.
        [JsonPropertyName("auditors")] public IReadOnlyList<long>? Auditors { get; set; }
        [JsonPropertyName("accomplices")] public IReadOnlyList<long>? Accomplices { get; set; }
        /// <summary>Tag titles (the portal keys them by tag id: {"35": {"id": 35, "title": "arpar"}}).</summary>
        [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; set; }
        [JsonPropertyName("creator")] public TaskUser? Creator { get; set; }
        [JsonPropertyName("responsible")] public TaskUser? Responsible { get; set; }
        [JsonPropertyName("xmlId")] public string? XmlId { get; set; }
        [JsonPropertyName("guid")] public string? Guid { get; set; }
        /// <summary>CRM bindings (UF_CRM_TASK): L_4, C_7, CO_5, D_10…; only when selected.</summary>
        [JsonPropertyName("ufCrmTask")] public IReadOnlyList<string>? UfCrmTask { get; set; }
        /// <summary>Drive files (UF_TASK_WEBDAV_FILES); only when selected.</summary>
        [JsonPropertyName("ufTaskWebdavFiles")] public IReadOnlyList<long>? UfTaskWebdavFiles { get; set; }

        public override string ToString() => Title + " (" + Id + ")";
    }
}
