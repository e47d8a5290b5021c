using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Errors;
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
        private readonly Dictionary<long[], long> _fromOf = new Dictionary<long[], long>();

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
                    _fromOf[chunk] = from;
                    var shown = (chunk.Length == 1 ? "task " : chunk.Length + " tasks ") + string.Join(",", chunk) + " of user " + from;
                    Submit(chunk.Length == 1 ? chunk[0] : (object)chunk, shown, "Delegate to user " + to,
                        () => BizprocTasksApi.Delegate(chunk, from, to), _ => WriteDelegated(chunk));
                }
            }
            base.EndProcessing();
        }

        /// <summary>
        /// A refused call still moved the tasks it could, and its message lists the reasons without naming the
        /// tasks: one read of the tasks still with their user tells which ones stayed, so the error names
        /// exactly those and -PassThru still writes the others.
        /// </summary>
        protected override ErrorRecord ItemError(B24Exception error, object? target)
        {
            if (error.Code != B24ErrorCodes.DelegationNotAllowed || target is not long[] ids || !_fromOf.TryGetValue(ids, out var from))
                return base.ItemError(error, target);
            List<long> left;
            try
            {
                var query = new BizprocTaskQuery
                {
                    UserIds = new[] { from },
                    Statuses = new[] { BizprocTaskState.Running },
                    Filter = new Dictionary<string, object?> { ["ID"] = ids.ToList() },
                    Select = new List<string> { "ID" },
                };
                left = AwaitEach(token => Client.ListAsync(BizprocTasksApi.List(query), token)).SelectMany(page => page.Items).Select(t => t.Id).ToList();
            }
            catch (B24Exception)
            {
                return base.ItemError(error, target); // the read failed too: report the call as it came
            }
            WriteDelegated(ids.Except(left).ToArray());
            var message = left.Count + " of " + ids.Length + " tasks of user " + from + " were not delegated (" + string.Join(",", left)
                + "): " + error.Description + (left.Count < ids.Length ? "; the other " + (ids.Length - left.Count) + " were." : ".");
            return base.ItemError(new B24Exception(error.Code, message, error.HttpStatus, error.Method, error), left.Count == 1 ? left[0] : (object)left.ToArray());
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
