using System;
using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>tasks.task.add / get / list as operations: sent alone, batched, or paged by key.</summary>
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

        /// <summary>Prefix of the XML_ID marker <see cref="Add"/> sets on a task that has none.</summary>
        public const string MarkerPrefix = "b24ps-";

        /// <summary>
        /// tasks.task.add with the documented UPPER_CASE fields (TITLE, RESPONSIBLE_ID, … UF_*); the result is the
        /// created task (result.task). A task without an XML_ID gets a unique marker there ("b24ps-" and a GUID), so
        /// that a lost answer can be checked: the task is found by its marker (it was created) or not (it is sent
        /// again once), never created twice. A task with its own XML_ID keeps it, and a lost answer stays unknown.
        /// </summary>
        public static B24Operation<TaskItem> Add(IDictionary<string, object?> fields)
        {
            if (fields is null || fields.Count == 0)
                throw new ArgumentException("A task needs fields (at least TITLE).", nameof(fields));
            var sent = new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
            string? marker = null;
            if (!sent.TryGetValue("XML_ID", out var given) || given is null || (given is string text && text.Length == 0))
                sent["XML_ID"] = marker = MarkerPrefix + Guid.NewGuid().ToString("N");
            var add = B24Operation.Write(AddMethod, new ParameterSet().Set("fields", sent),
                r => ReadTask(r.Result, AddMethod) ?? throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return the new task.", null, AddMethod));
            return marker is null ? add : add.CheckedBy(FoundBy(marker));
        }

        /// <summary>The task carrying <paramref name="marker"/>: created (ran, with the task) or not (not run).</summary>
        private static B24Operation<B24Outcome<TaskItem>> FoundBy(string marker)
            => B24Operation.Read(ListMethod, new ParameterSet()
                    .Set("filter", new ParameterSet().Set("XML_ID", marker))
                    .Set("select", new List<string>(DefaultSelect)),
                response =>
                {
                    var rows = JsonReading.TryGetProperty(response.Result, "tasks", out var tasks) ? ListItems.Of(tasks) : ListItems.Of(response.Result);
                    return rows.Count == 0 ? B24Outcome<TaskItem>.NotRun : B24Outcome<TaskItem>.RanWith(B24Json.Deserialize<TaskItem>(rows[0]));
                });

        /// <summary>The result is the task, or null when there is no such task or no access (<c>"result":[]</c>).</summary>
        public static B24Operation<TaskItem?> Get(long id, IList<string>? select = null)
        {
            if (id <= 0)
                throw new ArgumentException("A task id is a positive number; " + id + " is not.", nameof(id));
            return B24Operation.Read(GetMethod, new ParameterSet().Set("taskId", id).SetIfPresent("select", select), r => ReadTask(r.Result, GetMethod));
        }

        /// <summary>Keyset listing on ID (ascending), 50 pages per batch request.</summary>
        public static B24ListOperation<TaskItem> List(TaskQuery? query = null) => B24ListOperation<TaskItem>.ByKey(ListRequest(query), Rows.As<TaskItem>);

        private static KeysetListRequest ListRequest(TaskQuery? query)
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

        /// <summary>result.task of add and get; null for get's <c>"result":[]</c> (no such task, or no access).</summary>
        private static TaskItem? ReadTask(JsonElement result, string method)
        {
            if (result.ValueKind == JsonValueKind.Array)
                return null;
            if (JsonReading.TryGetProperty(result, "task", out var task) && task.ValueKind == JsonValueKind.Object)
                return B24Json.Deserialize<TaskItem>(task);
            throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return a task.", null, method);
        }
    }
}
