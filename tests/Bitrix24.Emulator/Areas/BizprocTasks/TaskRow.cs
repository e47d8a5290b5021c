using System.Text.Json.Nodes;
using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.BizprocTasks;

/// <summary>
/// One workflow task of one user (a step names several users: each gets a row, so ID is unique per row and
/// keyset paging on ID is exact). STATUS: 0 running, 1 approved, 2 rejected, 3 completed, 4 overdue;
/// USER_STATUS: 0 waiting, 1 yes, 2 no, 3 ok (the list page's values). Completed tasks stay listed (the docs
/// keep them a day) with their final status; only STATUS 0 is the running list.
/// </summary>
internal sealed class TaskRow
{
    public long Id { get; init; }
    public WorkflowRow Workflow { get; init; } = null!;
    public TemplateRow Template { get; init; } = null!;
    public TaskStep Step { get; init; } = null!;
    public int StepIndex { get; init; }
    public string DocumentName { get; init; } = "";
    public string DocumentUrl { get; init; } = "";
    public DateTimeOffset Modified { get; set; }
    public DateTimeOffset? OverdueDate { get; init; }
    public long Status { get; set; }
    public long UserId { get; set; }
    public long UserStatus { get; set; }
    public string? Comment { get; set; }
    /// <summary>FIELDS as bizproc.task.complete received them (tests read the file payload back).</summary>
    public JsonObject? Answer { get; set; }
    /// <summary>How many times complete succeeded on this task (a test's "no task completed twice").</summary>
    public int Completions { get; set; }

    public bool Running => Status == 0;

    /// <summary>The docs' example: numbers as strings ("1477", "0"), dates ISO 8601 with offset, PARAMETERS an object.</summary>
    public static readonly Schema<TaskRow> Schema = new(
        new("ID", FieldKind.Integer, t => t.Id),
        new("WORKFLOW_ID", FieldKind.Text, t => t.Workflow.Id),
        new("DOCUMENT_NAME", FieldKind.Text, t => t.DocumentName),
        new("DESCRIPTION", FieldKind.Text, t => t.Step.Description),
        new("NAME", FieldKind.Text, t => t.Step.Title),
        new("MODIFIED", FieldKind.Date, t => t.Modified),
        new("WORKFLOW_STARTED", FieldKind.Date, t => t.Workflow.Started),
        new("WORKFLOW_STARTED_BY", FieldKind.Integer, t => t.Workflow.StartedBy),
        new("OVERDUE_DATE", FieldKind.Date, t => t.OverdueDate),
        new("WORKFLOW_TEMPLATE_ID", FieldKind.Integer, t => t.Template.Id),
        new("WORKFLOW_TEMPLATE_NAME", FieldKind.Text, t => t.Template.Name),
        new("WORKFLOW_STATE", FieldKind.Text, t => StateOf(t)),
        new("STATUS", FieldKind.Integer, t => t.Status),
        new("USER_ID", FieldKind.Integer, t => t.UserId),
        new("USER_STATUS", FieldKind.Integer, t => t.UserStatus),
        new("MODULE_ID", FieldKind.Text, t => t.Workflow.ModuleId),
        new("ENTITY", FieldKind.Text, t => t.Workflow.Entity),
        new("DOCUMENT_ID", FieldKind.Text, t => t.Workflow.DocumentId),
        new("ACTIVITY", FieldKind.Text, t => t.Step.Activity),
        new("ACTIVITY_NAME", FieldKind.Text, t => t.Step.Name),
        new("PARAMETERS", FieldKind.Structure, t => t.Step.Parameters()),
        new("DOCUMENT_URL", FieldKind.Text, t => t.DocumentUrl));

    /// <summary>The docs' default SELECT.</summary>
    public static readonly string[] DefaultSelect = ["ENTITY", "DOCUMENT_ID", "ID", "WORKFLOW_ID", "DOCUMENT_NAME", "NAME", "DOCUMENT_URL"];

    /// <summary>WORKFLOW_STATE: what the workflow waits for while it runs, how it ended after.</summary>
    private static string StateOf(TaskRow task)
    {
        if (!task.Workflow.Running)
            return task.Workflow.StatusText ?? "Completed";
        return task.Step.Kind switch
        {
            TaskKind.Approve => "Waiting for Approval",
            TaskKind.Review => "Waiting for Review",
            TaskKind.Request or TaskKind.RequestOptional => "Waiting for Additional Information",
            _ => "In progress",
        };
    }
}
