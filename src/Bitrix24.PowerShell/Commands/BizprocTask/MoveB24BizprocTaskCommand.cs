using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Delegates workflow tasks to another user (bizproc.task.delegate): piped tasks are grouped by their current user, one call per group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "B24BizprocTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TaskSet)]
    [OutputType(typeof(long))]
    [B24Method(BizprocTasksApi.DelegateMethod)]
    public sealed class MoveB24BizprocTaskCommand : BizprocTaskInputCmdlet
    {
        // TASK_IDS per call: the page sets no limit; this keeps one call's request body small.
        private const int TasksPerCall = 500;

        private readonly List<(long Task, long From)> _tasks = new List<(long, long)>();

        /// <summary>The user who takes the tasks over.</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ToUserId { get; set; }

        /// <summary>The tasks' current user; default: a piped task's own user, else the connection's user.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long FromUserId { get; set; }

        /// <summary>Writes the id of each delegated task.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in Inputs())
                _tasks.Add((id, IfBound(nameof(FromUserId), FromUserId) ?? task?.UserId ?? DefaultFrom()));
        }

        protected override void EndProcessing()
        {
            var to = ToUserId;
            foreach (var group in _tasks.GroupBy(t => t.From))
            {
                var from = group.Key;
                var ids = group.Select(t => t.Task).Distinct().ToList();
                for (var i = 0; i < ids.Count; i += TasksPerCall)
                {
                    var chunk = ids.Skip(i).Take(TasksPerCall).ToArray();
                    var shown = (chunk.Length == 1 ? "task " : chunk.Length + " tasks ") + string.Join(",", chunk) + " of user " + from;
                    Submit(chunk.Length == 1 ? chunk[0] : (object)chunk, shown, "Delegate to user " + to,
                        () => BizprocTasksApi.Delegate(chunk, from, to), _ => WriteDelegated(chunk));
                }
            }
            base.EndProcessing();
        }

        private object? WriteDelegated(long[] ids)
        {
            if (PassThru)
                WriteObject(ids, enumerateCollection: true);
            return null;
        }

        private long DefaultFrom() => Client.UserId;
    }
}
