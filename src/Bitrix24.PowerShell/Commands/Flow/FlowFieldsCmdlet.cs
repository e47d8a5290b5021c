using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// The flowData parameters New-B24Flow and Set-B24Flow share; only the parameters given are sent.
    /// Members take readable forms: user ids, department ids (with -ExcludeSubdepartments for the ':F' suffix),
    /// or everyone for task creators.
    /// </summary>
    public abstract class FlowFieldsCmdlet : B24BatchCmdlet
    {
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The workgroup the flow belongs to; absent on create: the portal creates one.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long GroupId { get; set; }

        /// <summary>The flow administrator; absent on create: you.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(1, long.MaxValue)]
        public long OwnerId { get; set; }

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long TemplateId { get; set; }

        /// <summary>Time to complete a task: a TimeSpan ('02:00:00', New-TimeSpan -Hours 2) or seconds (7200).</summary>
        [Parameter]
        [SecondsToTimeSpan]
        public TimeSpan PlannedCompletionTime { get; set; }

        [Parameter]
        public FlowDistribution DistributionType { get; set; }

        /// <summary>User ids who receive tasks (for Manually: the one moderator).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Responsible { get; set; }

        /// <summary>Department ids whose employees receive tasks (queue or self-assignment).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long[]? ResponsibleDepartment { get; set; }

        /// <summary>Departments count without their sub-departments (the documented ':F' suffix).</summary>
        [Parameter]
        public SwitchParameter ExcludeSubdepartments { get; set; }

        /// <summary>User ids who may add tasks to the flow.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long[]? TaskCreator { get; set; }

        /// <summary>Department ids whose employees may add tasks to the flow.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long[]? TaskCreatorDepartment { get; set; }

        /// <summary>Everyone may add tasks (meta-user all-users).</summary>
        [Parameter]
        public SwitchParameter EveryoneCanCreateTasks { get; set; }

        [Parameter] public SwitchParameter MatchWorkTime { get; set; }
        [Parameter] public SwitchParameter ResponsibleCanChangeDeadline { get; set; }
        [Parameter] public SwitchParameter NotifyAtHalfTime { get; set; }
        [Parameter] public SwitchParameter TaskControl { get; set; }

        /// <summary>Notify the administrator when more tasks than this wait in the queue.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int NotifyOnQueueOverflow { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int NotifyOnTasksInProgressOverflow { get; set; }

        /// <summary>Notify the administrator when efficiency (percent) drops below this.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int NotifyWhenEfficiencyDecreases { get; set; }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <summary>The flowData of the bound parameters. ArgumentException for a value the portal would refuse.</summary>
        protected FlowFields BuildFields(string? name)
        {
            if (Bound(nameof(PlannedCompletionTime)) && PlannedCompletionTime.TotalSeconds < 1)
                throw new ArgumentException("-PlannedCompletionTime must be positive (at least one second); " + PlannedCompletionTime + " is not.");
            var fields = new FlowFields
            {
                Name = name,
                Description = Bound(nameof(Description)) ? Description ?? "" : null,
                GroupId = IfBound(nameof(GroupId), GroupId),
                OwnerId = IfBound(nameof(OwnerId), OwnerId),
                TemplateId = IfBound(nameof(TemplateId), TemplateId),
                PlannedCompletionTime = Bound(nameof(PlannedCompletionTime)) ? (long)PlannedCompletionTime.TotalSeconds : (long?)null,
                DistributionType = Bound(nameof(DistributionType)) ? DistributionType.ToString().ToLowerInvariant() : null,
                MatchWorkTime = Bound(nameof(MatchWorkTime)) ? MatchWorkTime.IsPresent : (bool?)null,
                ResponsibleCanChangeDeadline = Bound(nameof(ResponsibleCanChangeDeadline)) ? ResponsibleCanChangeDeadline.IsPresent : (bool?)null,
                NotifyAtHalfTime = Bound(nameof(NotifyAtHalfTime)) ? NotifyAtHalfTime.IsPresent : (bool?)null,
                TaskControl = Bound(nameof(TaskControl)) ? TaskControl.IsPresent : (bool?)null,
                NotifyOnQueueOverflow = IfBound(nameof(NotifyOnQueueOverflow), NotifyOnQueueOverflow),
                NotifyOnTasksInProgressOverflow = IfBound(nameof(NotifyOnTasksInProgressOverflow), NotifyOnTasksInProgressOverflow),
                NotifyWhenEfficiencyDecreases = IfBound(nameof(NotifyWhenEfficiencyDecreases), NotifyWhenEfficiencyDecreases),
            };
            if (Responsible is not null || ResponsibleDepartment is not null)
                fields.ResponsibleList = Members(Responsible, ResponsibleDepartment, everyone: false);
            if (TaskCreator is not null || TaskCreatorDepartment is not null || EveryoneCanCreateTasks)
                fields.TaskCreators = Members(TaskCreator, TaskCreatorDepartment, EveryoneCanCreateTasks);
            return fields;
        }

        private List<string[]> Members(long[]? users, long[]? departments, bool everyone)
        {
            var suffix = ExcludeSubdepartments ? ":F" : "";
            var members = new List<string[]>();
            if (everyone)
                members.Add(new[] { "meta-user", "all-users" });
            members.AddRange((users ?? Array.Empty<long>()).Distinct().Select(u => new[] { "user", u.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            members.AddRange((departments ?? Array.Empty<long>()).Distinct().Select(d => new[] { "department", d.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix }));
            return members;
        }
    }
}
