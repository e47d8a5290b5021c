using System;
using System.Collections;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Completes your workflow tasks (bizproc.task.complete): approves, rejects, acknowledges or answers them, 50 per batch request.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Complete, "B24BizprocTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TaskSet)]
    [OutputType(typeof(long))]
    [B24Method(BizprocTasksApi.CompleteMethod)]
    public sealed class CompleteB24BizprocTaskCommand : BizprocTaskInputCmdlet
    {
        // Held boxed: a field of a client enum type would make PowerShell load the client while it lists the
        // module's types at import, before the loader (Infrastructure/Loading) can resolve it.
        private object _status = BizprocTaskCompletion.Approved;

        [Parameter(Mandatory = true)]
        public BizprocTaskCompletion Status
        {
            get => (BizprocTaskCompletion)_status;
            set => _status = value;
        }

        [Parameter]
        [AllowEmptyString]
        public string? Comment { get; set; }

        /// <summary>Answers to a request for information: field id → value (a file field takes a path).</summary>
        [Parameter]
        public IDictionary? Fields { get; set; }

        /// <summary>Writes the id of each completed task.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in Inputs())
                Complete(id, task);
        }

        private void Complete(long id, BizprocTask? task)
        {
            var status = Status;
            var comment = Comment;
            Submit(id, "task " + id + (task?.Name is { Length: > 0 } name ? " '" + name + "'" : ""), "Complete as " + status, () =>
            {
                if (task is not null)
                    BizprocTaskAnswer.CheckStatus(task, status, comment);
                var fields = BizprocTaskAnswer.Fields(task, status, Fields, ResolvePath);
                return BizprocTasksApi.Complete(id, status, comment, fields);
            }, _ => PassThru ? id : (object?)null);
        }

        private string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
