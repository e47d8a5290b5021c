using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>
/// bizproc.task.list / complete / delegate as their pages describe them: any user may call them; the list
/// shows an administrator every task (or any user's), anyone else their own or their subordinates'; complete
/// takes only the caller's own running task, a STATUS its type allows, the comment and fields it demands;
/// delegate moves tasks of FROM_USER_ID to TO_USER_ID under each task's delegation rule.
/// </summary>
internal static class TaskMethods
{
    private const string Validation = "ERROR_TASK_VALIDATION";
    private const string Execution = "ERROR_TASK_EXECUTION";
    private const string DelegationNotAllowed = "ERROR_DELEGATION_NOT_ALLOWED";
    private const string InvalidUser = "ERROR_INVALID_USER_ID";

    public static MethodResult List(MethodContext context)
    {
        var parameters = context.Params;
        var schema = TaskRow.Schema;
        var fields = Select(schema, parameters.Get("SELECT"));
        var entries = (PhpValues.Entries(parameters.Get("FILTER")) ?? []).ToList();
        var caller = context.Caller;
        var userKey = entries.FirstOrDefault(e => string.Equals(e.Key.TrimStart('=', '!', '<', '>'), "USER_ID", StringComparison.OrdinalIgnoreCase));
        if (userKey.Key is null)
        {
            if (!caller.IsAdmin)
                entries.Add(new("USER_ID", JsonValue.Create(caller.UserId))); // a non-administrator's own tasks
        }
        else if (!caller.IsAdmin)
        {
            var asked = PhpValues.Entries(userKey.Value)?.Select(e => PhpValues.ToInt(e.Value)).ToList() ?? [PhpValues.ToInt(userKey.Value)];
            var area = context.Area<BizprocTasksArea>();
            if (userKey.Key != "USER_ID" && userKey.Key != "=USER_ID" || asked.Any(u => u != caller.UserId && !area.IsSubordinate(caller.UserId, u)))
                throw new RestException(400, "ACCESS_DENIED", "Access denied!");
        }
        var filter = new ListFilter<TaskRow>(schema, entries, ListFilter<TaskRow>.ComparisonOps, rejectOthers: true);
        var order = ListOrder<TaskRow>.Parse(schema, parameters.Get("ORDER"), ("ID", false));
        return ListPage.Build(context, context.Area<BizprocTasksArea>().All, filter, order, t => t.Id, t => schema.Render(t, fields));
    }

    /// <summary>SELECT must be a list of task fields; anything else is ERROR_SELECT_VALIDATION_FAILURE.</summary>
    private static IReadOnlyList<Field<TaskRow>> Select(Schema<TaskRow> schema, JsonNode? spec)
    {
        if (spec is null || (spec is JsonValue && PhpValues.ToText(spec) == ""))
            return TaskRow.DefaultSelect.Select(name => schema[name]).ToList();
        var entries = PhpValues.Entries(spec);
        if (entries is null || entries.Count == 0 || !PhpValues.IsListKeys(entries.Select(e => e.Key).ToList())
            || entries.Any(e => PhpValues.IsArray(e.Value) || schema.Find(PhpValues.ToText(e.Value)) is null))
            throw new RestException(400, "ERROR_SELECT_VALIDATION_FAILURE", "Invalid data in SELECT parameter");
        return entries.Select(e => schema.Find(PhpValues.ToText(e.Value))!).Distinct().ToList();
    }

    public static MethodResult Complete(MethodContext context)
    {
        var parameters = context.Params;
        var id = PhpValues.ToInt(parameters.Get("TASK_ID"));
        if (id <= 0)
            throw new RestException(400, Validation, "empty TASK_ID");
        var status = StatusOf(parameters.Get("STATUS")) ?? throw new RestException(400, Validation, "incorrect STATUS");

        var area = context.Area<BizprocTasksArea>();
        // Only your own task: someone else's is not found for you.
        var task = area.Find(id) is { } found && found.UserId == context.Caller.UserId
            ? found : throw new RestException(400, "ERROR_TASK_NOT_FOUND", "Task not found");
        if (!task.Running)
            throw new RestException(400, "ERROR_TASK_COMPLETED", "Task already completed");
        var kind = task.Step.Kind;
        if (kind == TaskKind.Other)
            throw new RestException(400, "ERROR_TASK_TYPE", "Incorrect task type");
        if (!TaskStep.AllowedStatuses(kind).Contains(status))
            throw new RestException(400, Validation, "incorrect STATUS");

        var comment = PhpValues.ToText(parameters.Get("COMMENT")).Trim();
        if (comment.Length == 0 && CommentNeeded(task.Step.CommentRequired, status))
            throw new RestException(400, Execution, "Comment is required");
        var answer = new JsonObject();
        if (status == 3 && kind is TaskKind.Request or TaskKind.RequestOptional)
            answer = TaskFieldValues.Check(task.Step.Fields, parameters.Get("FIELDS"));

        task.Comment = comment;
        task.Answer = answer;
        area.Completed(task, status);
        return new MethodResult(JsonValue.Create(true));
    }

    public static MethodResult Delegate(MethodContext context)
    {
        var parameters = context.Params;
        var ids = PhpValues.Entries(parameters.Get("TASK_IDS"))?.Select(e => PhpValues.ToInt(e.Value)).ToList();
        if (ids is null || ids.Count == 0 || ids.Any(i => i <= 0))
            throw new RestException(400, Validation, "Invalid TASK_IDS");
        var area = context.Area<BizprocTasksArea>();
        var from = PhpValues.ToInt(parameters.Get("FROM_USER_ID"));
        if (from <= 0 || area.Users.Find(from) is null)
            throw new RestException(400, InvalidUser, "Invalid FROM_USER_ID");
        var to = PhpValues.ToInt(parameters.Get("TO_USER_ID"));
        if (to <= 0 || area.Users.Find(to) is not { } target)
            throw new RestException(400, InvalidUser, "Invalid TO_USER_ID");
        if (target.UserType != "employee")
            throw new RestException(400, DelegationNotAllowed, "Task delegation is only available for intranet users");
        // You can only delegate your own tasks (an administrator may act for anyone).
        if (from != context.Caller.UserId && !context.Caller.IsAdmin)
            throw new RestException(400, DelegationNotAllowed, "User is not responsible for the task");

        var errors = new List<string>();
        foreach (var id in ids.Distinct())
        {
            var task = area.Find(id);
            if (task is null || !task.Running || task.UserId != from)
                errors.Add("User is not responsible for the task");
            else if (task.Step.Delegation == DelegationRule.NoOne)
                errors.Add("Task delegation is not allowed");
            else if (task.Step.Delegation == DelegationRule.Subordinates && !area.IsSubordinate(from, to))
                errors.Add("Tasks can only be delegated to subordinates");
            else
            {
                task.UserId = to;
                task.Modified = PortalClock.Now;
            }
        }
        // Each task is tried; the ones that could not be moved come back as one list separated by ';'.
        if (errors.Count > 0)
            throw new RestException(400, DelegationNotAllowed, string.Join(";", errors));
        return new MethodResult(JsonValue.Create(true));
    }

    /// <summary>1|yes, 2|no, 3|ok, 4|cancel; null for anything else.</summary>
    private static int? StatusOf(JsonNode? node)
    {
        var text = PhpValues.ToText(node).Trim().ToLowerInvariant();
        return text switch
        {
            "1" or "yes" => 1,
            "2" or "no" => 2,
            "3" or "ok" => 3,
            "4" or "cancel" => 4,
            _ => null,
        };
    }

    /// <summary>CommentRequired: Y always, YA on approval (yes/ok), YR on rejection (no/cancel).</summary>
    private static bool CommentNeeded(string rule, int status) => rule switch
    {
        "Y" => true,
        "YA" => status is 1 or 3,
        "YR" => status is 2 or 4,
        _ => false,
    };
}
