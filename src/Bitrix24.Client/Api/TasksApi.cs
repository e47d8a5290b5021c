using System;
using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>tasks.task.add / get / list, described once as commands (alone or batched) and a keyset listing.</summary>
    public static class TasksApi
    {
        public const string AddMethod = "tasks.task.add";
        public const string GetMethod = "tasks.task.get";
        public const string ListMethod = "tasks.task.list";

        /// <summary>What a task read back shows by default: the stored fields and the CRM/Drive bindings.</summary>
        public static IReadOnlyList<string> DefaultSelect { get; } = new[]
        {
            "ID", "TITLE", "DESCRIPTION", "RESPONSIBLE_ID", "CREATED_BY", "PRIORITY", "STATUS", "GROUP_ID", "FLOW_ID", "PARENT_ID",
            "CREATED_DATE", "DEADLINE", "START_DATE_PLAN", "END_DATE_PLAN", "AUDITORS", "ACCOMPLICES", "TAGS", "XML_ID", "GUID",
            "UF_CRM_TASK",
        };

        /// <summary>tasks.task.add with the documented UPPER_CASE fields (TITLE, RESPONSIBLE_ID, … UF_*).</summary>
        public static B24BatchCommand Add(string key, IDictionary<string, object?> fields)
        {
            if (fields is null || fields.Count == 0)
                throw new ArgumentException("A task needs fields (at least TITLE).", nameof(fields));
            return new B24BatchCommand(key, AddMethod, new ParameterSet().Set("fields", fields).ToDictionary());
        }

        public static B24BatchCommand Get(string key, long id, IList<string>? select = null)
        {
            if (id <= 0)
                throw new ArgumentException("A task id is a positive number; " + id + " is not.", nameof(id));
            return new B24BatchCommand(key, GetMethod, new ParameterSet().Set("taskId", id).SetIfPresent("select", select).ToDictionary());
        }

        /// <summary>Keyset listing on ID (ascending), 50 pages per batch request.</summary>
        public static KeysetListRequest List(TaskQuery? query = null)
        {
            query ??= new TaskQuery();
            var filter = new ParameterSet()
                .SetIfPresent("RESPONSIBLE_ID", query.ResponsibleId)
                .SetIfPresent("FLOW_ID", query.FlowId)
                .SetIfPresent("GROUP_ID", query.GroupId)
                .Merge(query.Filter);
            return new KeysetListRequest(ListMethod)
            {
                KeyField = "ID",
                ResultKeyField = "id",
                RowsProperty = "tasks",
                OrderParameter = "order",
                FilterParameter = "filter",
                SelectParameter = "select",
                Select = query.Select is null ? new List<string>(DefaultSelect) : new List<string>(query.Select),
                Filter = filter.ToDictionary(),
            };
        }

        /// <summary>Streams tasks as models with <see cref="List"/>'s keyset paging.</summary>
        public static IAsyncEnumerable<B24Page<TaskItem>> ListAsync(B24Client client, TaskQuery? query = null, System.Threading.CancellationToken cancellationToken = default)
        {
            if (client is null)
                throw new ArgumentNullException(nameof(client));
            return PageMapping.Map<TaskItem>(client.ListByKeyAsync(List(query), cancellationToken), cancellationToken);
        }

        /// <summary>result.task of add and get; null for get's <c>"result":[]</c> (no such task, or no access).</summary>
        public static TaskItem? ReadTask(JsonElement result, string method)
        {
            if (result.ValueKind == JsonValueKind.Array)
                return null;
            if (JsonReading.TryGetProperty(result, "task", out var task) && task.ValueKind == JsonValueKind.Object)
                return B24Json.Deserialize<TaskItem>(task);
            throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return a task.", null, method);
        }
    }
}
