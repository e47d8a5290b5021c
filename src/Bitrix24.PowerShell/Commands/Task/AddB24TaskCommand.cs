using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates tasks (tasks.task.add), 50 per batch request; every parameter binds by property name, so Import-Csv pipes straight in.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "B24Task", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TaskItem))]
    [B24Method(TasksApi.AddMethod)]
    public sealed class AddB24TaskCommand : B24BatchCmdlet
    {
        private long _position;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Title { get; set; } = "";

        /// <summary>The assignee; not needed with -FlowId (the flow assigns one).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(0, long.MaxValue)]
        public long ResponsibleId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Description { get; set; }

        /// <summary>DateTime, DateTimeOffset or ISO 8601 text; a DateTime of kind Unspecified is local time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public object? Deadline { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public object? StartDatePlan { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public object? EndDatePlan { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(0, long.MaxValue)]
        public long CreatedBy { get; set; }

        /// <summary>Low, Medium or High.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TaskPriorityCompleter))]
        public string? Priority { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long GroupId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long FlowId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, long.MaxValue)]
        public long ParentId { get; set; }

        /// <summary>User ids; a CSV cell '3;5' or '3,5' is split.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[]? Auditors { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[]? Accomplices { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[]? Tags { get; set; }

        /// <summary>UF_CRM_TASK: D_10, L_4, C_7, CO_5, or deal:10, lead:4, contact:7, company:5.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[]? CrmBinding { get; set; }

        /// <summary>Drive file ids (UF_TASK_WEBDAV_FILES); the 'n' prefix is added.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[]? DiskFile { get; set; }

        /// <summary>External id (XML_ID), e.g. a key from the system the tasks come from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? XmlId { get; set; }

        /// <summary>SE_PARAMETER code 1: deadlines follow the subtasks' deadlines.</summary>
        [Parameter] public SwitchParameter DeadlineFromSubtasks { get; set; }
        /// <summary>SE_PARAMETER code 2: complete the task when its subtasks are completed (and back).</summary>
        [Parameter] public SwitchParameter CompleteWithSubtasks { get; set; }
        /// <summary>SE_PARAMETER code 3: the task cannot be completed without a result.</summary>
        [Parameter] public SwitchParameter RequireResult { get; set; }

        /// <summary>Any other documented field, by its UPPER_CASE name, including custom UF_* fields.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public IDictionary? Fields { get; set; }

        /// <summary>The piped row itself: its UF_* columns (from a CSV) are sent as custom fields.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var row = new TaskRowRef(++_position, Title);
            Dictionary<string, object?> fields;
            try
            {
                fields = BuildFields();
            }
            catch (ArgumentException ex)
            {
                var error = ErrorRecords.InvalidArgument(row + ": " + ex.Message, row, ex);
                Reject(error);
                return;
            }
            Submit(row, row.ToString(), "Create task", () => TasksApi.Add(fields), task => ToOutput(task));
        }

        protected override ErrorRecord ItemError(B24Exception error, object? target)
        {
            var record = base.ItemError(error, target);
            record.ErrorDetails = new ErrorDetails(target + ": " + error.Message) { RecommendedAction = record.ErrorDetails?.RecommendedAction ?? "" };
            return record;
        }

        private Dictionary<string, object?> BuildFields()
        {
            if (string.IsNullOrWhiteSpace(Title))
                throw new ArgumentException("-Title is required and must not be blank.");
            if (ResponsibleId == 0 && InputObject?.Properties[nameof(ResponsibleId)]?.Value is { } cell && !string.IsNullOrWhiteSpace(cell.ToString()))
                throw new ArgumentException("-ResponsibleId takes a user id (a positive whole number); '" + cell + "' is not one.");
            if (ResponsibleId == 0 && FlowId == 0)
                throw new ArgumentException("-ResponsibleId is required unless -FlowId is given (the flow assigns the assignee).");
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["TITLE"] = Title.Trim() };
            void Put(string name, object? value)
            {
                if (value is not null)
                    fields[name] = value;
            }
            Put("RESPONSIBLE_ID", ResponsibleId > 0 ? ResponsibleId : (object?)null);
            Put("DESCRIPTION", string.IsNullOrEmpty(Description) ? null : Description);
            Put("DEADLINE", TaskFieldValues.Date(Deadline, nameof(Deadline)));
            var start = TaskFieldValues.Date(StartDatePlan, nameof(StartDatePlan));
            var end = TaskFieldValues.Date(EndDatePlan, nameof(EndDatePlan));
            if ((start is null) != (end is null))
                throw new ArgumentException("-StartDatePlan and -EndDatePlan go together (the portal needs both).");
            if (start is { } s && end is { } e && e < s)
                throw new ArgumentException("-EndDatePlan (" + e.ToString("o", CultureInfo.InvariantCulture) + ") is before -StartDatePlan (" + s.ToString("o", CultureInfo.InvariantCulture) + ").");
            Put("START_DATE_PLAN", start);
            Put("END_DATE_PLAN", end);
            Put("CREATED_BY", CreatedBy > 0 ? CreatedBy : (object?)null);
            Put("PRIORITY", TaskFieldValues.Priority(Priority));
            Put("GROUP_ID", GroupId > 0 ? GroupId : (object?)null);
            Put("FLOW_ID", FlowId > 0 ? FlowId : (object?)null);
            Put("PARENT_ID", ParentId > 0 ? ParentId : (object?)null);
            Put("AUDITORS", TaskFieldValues.Ids(Auditors, nameof(Auditors)));
            Put("ACCOMPLICES", TaskFieldValues.Ids(Accomplices, nameof(Accomplices)));
            Put("TAGS", Tags is null ? null : TaskFieldValues.Split(Tags));
            Put("UF_CRM_TASK", TaskFieldValues.CrmBindings(CrmBinding));
            Put("UF_TASK_WEBDAV_FILES", TaskFieldValues.DiskFiles(DiskFile));
            Put("XML_ID", string.IsNullOrEmpty(XmlId) ? null : XmlId);
            var se = new List<object>();
            if (DeadlineFromSubtasks) se.Add(new Dictionary<string, object?> { ["VALUE"] = "Y", ["CODE"] = 1 });
            if (CompleteWithSubtasks) se.Add(new Dictionary<string, object?> { ["VALUE"] = "Y", ["CODE"] = 2 });
            if (RequireResult) se.Add(new Dictionary<string, object?> { ["VALUE"] = "Y", ["CODE"] = 3 });
            Put("SE_PARAMETER", se.Count > 0 ? se : null);

            // UF_* columns of a piped row (Import-Csv), then -Fields, which wins.
            if (InputObject is not null && !(InputObject.BaseObject is IDictionary))
            {
                foreach (var property in InputObject.Properties)
                {
                    if (property.Name.StartsWith("UF_", StringComparison.OrdinalIgnoreCase) && property.IsGettable)
                        Put(property.Name.ToUpperInvariant(), PowerShellToClr.ToPlain(property.Value));
                }
            }
            if (PowerShellToClr.ToDictionary(Fields) is { } extra)
            {
                foreach (var pair in extra)
                {
                    if (!TaskFieldValues.IsFieldName(pair.Key))
                        throw new ArgumentException("-Fields key '" + pair.Key + "' is not a task field name (letters, digits and '_', starting with a letter, e.g. PRIORITY or UF_PROJECT_CODE).");
                    fields[pair.Key] = pair.Value;
                }
            }
            return fields;
        }

        /// <summary>Names an input row in errors and -WhatIf: its position in the input and its title.</summary>
        private sealed class TaskRowRef
        {
            public TaskRowRef(long position, string title)
            {
                Position = position;
                Title = title;
            }

            public long Position { get; }
            public string Title { get; }

            public override string ToString() => "Row " + Position.ToString(CultureInfo.InvariantCulture) + " ('" + Title + "')";
        }
    }
}
