using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="BizprocTasksApi.List"/>; null members do not filter.</summary>
    public sealed class BizprocTaskQuery
    {
        /// <summary>Whose tasks; null: the caller's own (the portal's default for a non-administrator).</summary>
        public IReadOnlyList<long>? UserIds { get; set; }
        public IReadOnlyList<BizprocTaskState>? Statuses { get; set; }
        public IReadOnlyList<string>? WorkflowIds { get; set; }
        public int? TemplateId { get; set; }
        public string? ModuleId { get; set; }
        public string? Entity { get; set; }
        public string? DocumentId { get; set; }
        /// <summary>ApproveActivity, ReviewActivity, …</summary>
        public IReadOnlyList<string>? Activities { get; set; }
        /// <summary>Extra raw FILTER entries (prefixes allowed: '&gt;=MODIFIED' …).</summary>
        public IDictionary<string, object?>? Filter { get; set; }
        /// <summary>Fields to return; null: every documented field.</summary>
        public IList<string>? Select { get; set; }
    }

    /// <summary>bizproc.task.list / complete / delegate: the approvals, acknowledgments and requests for
    /// information that workflows hand to people.</summary>
    public static class BizprocTasksApi
    {
        public const string ListMethod = "bizproc.task.list";
        public const string CompleteMethod = "bizproc.task.complete";
        public const string DelegateMethod = "bizproc.task.delegate";

        /// <summary>Every documented field (the default SELECT has only seven, without STATUS, USER_ID or PARAMETERS).</summary>
        public static IReadOnlyList<string> AllFields { get; } = new[]
        {
            "ID", "WORKFLOW_ID", "DOCUMENT_NAME", "DESCRIPTION", "NAME", "MODIFIED", "WORKFLOW_STARTED", "WORKFLOW_STARTED_BY",
            "OVERDUE_DATE", "WORKFLOW_TEMPLATE_ID", "WORKFLOW_TEMPLATE_NAME", "WORKFLOW_STATE", "STATUS", "USER_ID", "USER_STATUS",
            "MODULE_ID", "ENTITY", "DOCUMENT_ID", "ACTIVITY", "ACTIVITY_NAME", "PARAMETERS", "DOCUMENT_URL",
        };

        /// <summary>
        /// Keyset listing on ID: tasks completed while the listing runs leave the running list without shifting
        /// later pages (offsets would skip one task per task completed). The page offset is START, as its page says.
        /// </summary>
        public static B24ListOperation<BizprocTask> List(BizprocTaskQuery? query = null)
        {
            query ??= new BizprocTaskQuery();
            return B24ListOperation<BizprocTask>.ByKey(new KeysetListRequest(ListMethod)
            {
                KeyField = "ID",
                StartParameter = "START",
                Select = query.Select is null ? new List<string>(AllFields) : new List<string>(query.Select),
                Filter = BuildFilter(query).ToDictionary(),
            }, Rows.As<BizprocTask>);
        }

        /// <summary>Completes one of the caller's own tasks. <paramref name="fields"/> answer a request for information.</summary>
        public static B24Operation<bool> Complete(long taskId, BizprocTaskCompletion status, string? comment = null, IDictionary<string, object?>? fields = null)
        {
            RequirePositive(taskId, "task id", nameof(taskId));
            if (!Enum.IsDefined(typeof(BizprocTaskCompletion), status))
                throw new ArgumentException("STATUS is Approved, Rejected, Acknowledged or Cancelled, not " + (int)status + ".", nameof(status));
            return B24Operation.Write(CompleteMethod, new ParameterSet()
                .Set("TASK_ID", taskId)
                .Set("STATUS", (int)status)
                .SetIfPresent("COMMENT", string.IsNullOrEmpty(comment) ? null : comment)
                .SetIfPresent("FIELDS", fields is { Count: > 0 } ? fields : null)).CheckedBy(StillRunning(taskId));
        }

        /// <summary>A lost answer to complete is read back: a completed task has left the running list (ran); a
        /// task still running did not get the answer (not run); a task not listed for the caller tells nothing.</summary>
        private static B24Operation<B24Outcome<bool>> StillRunning(long taskId)
            => B24Operation.Read(ListMethod, new ParameterSet()
                    .Set("SELECT", new[] { "ID", "STATUS" })
                    .Set("FILTER", new ParameterSet().Set("ID", taskId)),
                response =>
                {
                    var rows = ListItems.Of(response.Result);
                    if (rows.Count == 0)
                        return B24Outcome<bool>.Unknown;
                    return JsonReading.TryGetProperty(rows[0], "STATUS", out var state) && JsonReading.ToInt32(state) == 0
                        ? B24Outcome<bool>.NotRun : B24Outcome<bool>.RanWith(true);
                });

        /// <summary>Hands tasks of <paramref name="fromUserId"/> to <paramref name="toUserId"/>, all in one call.</summary>
        public static B24Operation<bool> Delegate(IReadOnlyCollection<long> taskIds, long fromUserId, long toUserId)
        {
            if (taskIds is null || taskIds.Count == 0)
                throw new ArgumentException("Delegation needs at least one task id.", nameof(taskIds));
            foreach (var id in taskIds)
                RequirePositive(id, "task id", nameof(taskIds));
            RequirePositive(fromUserId, "user id", nameof(fromUserId));
            RequirePositive(toUserId, "user id", nameof(toUserId));
            return B24Operation.Write(DelegateMethod, new ParameterSet()
                .Set("TASK_IDS", taskIds.Distinct().ToList())
                .Set("FROM_USER_ID", fromUserId)
                .Set("TO_USER_ID", toUserId));
        }

        private static void RequirePositive(long value, string what, string parameter)
        {
            if (value <= 0)
                throw new ArgumentException("A " + what + " is a positive number; " + value + " is not.", parameter);
        }

        private static ParameterSet BuildFilter(BizprocTaskQuery query)
        {
            var filter = new ParameterSet()
                .SetIfPresent("USER_ID", OneOrMany(query.UserIds))
                .SetIfPresent("STATUS", OneOrMany(query.Statuses?.Select(s => (int)s).ToList()))
                .SetIfPresent("WORKFLOW_ID", OneOrMany(query.WorkflowIds))
                .SetIfPresent("WORKFLOW_TEMPLATE_ID", query.TemplateId)
                .SetIfPresent("MODULE_ID", query.ModuleId)
                .SetIfPresent("ENTITY", query.Entity)
                .SetIfPresent("DOCUMENT_ID", query.DocumentId)
                .SetIfPresent("ACTIVITY", OneOrMany(query.Activities));
            return filter.Merge(query.Filter);
        }

        /// <summary>One value as itself, several as a list (the portal's "IN" form of a filter).</summary>
        private static object? OneOrMany<T>(IReadOnlyList<T>? values)
            => values is null || values.Count == 0 ? null : values.Count == 1 ? values[0] : (object)values.ToList();
    }
}
