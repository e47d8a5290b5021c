using System;
using System.Collections.Generic;
using System.Management.Automation;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// Input of the cmdlets that act on workflow tasks: task objects from Get-B24BizprocTask (the default set,
    /// so a piped task binds as itself and its type and user are known), or ids by property name (a CSV's
    /// TaskId, any object's Id).
    /// </summary>
    public abstract class BizprocTaskInputCmdlet : B24BatchCmdlet
    {
        protected const string IdSet = "Id";
        protected const string TaskSet = "Task";

        /// <summary>Task ids (the Id of a Get-B24BizprocTask result, or a TaskId column).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long[] TaskId { get; set; } = Array.Empty<long>();

        /// <summary>A task from Get-B24BizprocTask.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TaskSet, ValueFromPipeline = true)]
        public BizprocTask? InputObject { get; set; }

        /// <summary>This record's tasks: the piped task, or each id (with no task object).</summary>
        protected IEnumerable<(long Id, BizprocTask? Task)> Inputs()
        {
            if (InputObject is { } task)
            {
                yield return (task.Id, task);
                yield break;
            }
            foreach (var id in TaskId)
                yield return (id, null);
        }
    }
}
