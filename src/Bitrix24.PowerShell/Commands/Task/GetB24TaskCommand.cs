using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets tasks: by id (tasks.task.get, 50 per batch request) or as a list (tasks.task.list, streamed with keyset paging, 2,500 rows per request).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24Task", SupportsPaging = true, DefaultParameterSetName = ListSet)]
    [OutputType(typeof(TaskItem))]
    [B24Method(TasksApi.GetMethod, TasksApi.ListMethod)]
    public sealed class GetB24TaskCommand : B24ListCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private readonly List<long> _ids = new List<long>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateRange(1, long.MaxValue)]
        public long ResponsibleId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, long.MaxValue)]
        public long FlowId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, long.MaxValue)]
        public long GroupId { get; set; }

        /// <summary>Filter entries with the documented prefixes, e.g. @{ '>DEADLINE' = (Get-Date); 'TAG' = 'import' }.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public IDictionary? Filter { get; set; }

        /// <summary>Fields to return (UPPER_CASE), including UF_CRM_TASK and custom UF_* fields; they come back as ufXxx properties.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Select { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
                _ids.AddRange(Id);
        }

        protected override void EndProcessing()
        {
            var select = Select?.Select(s => s.Trim().ToUpperInvariant()).ToList();
            if (ParameterSetName == IdSet)
                WriteByIds(select);
            else
            {
                var query = new TaskQuery
                {
                    ResponsibleId = IfBound(nameof(ResponsibleId), ResponsibleId),
                    FlowId = IfBound(nameof(FlowId), FlowId),
                    GroupId = IfBound(nameof(GroupId), GroupId),
                    Filter = PowerShellToClr.ToDictionary(Filter),
                    Select = select,
                };
                WritePages(TasksApi.List(query), null);
            }
            base.EndProcessing();
        }

        private void WriteByIds(IList<string>? select)
        {
            if (_ids.Count == 0)
                return;
            var operations = _ids.Select(id => TasksApi.Get(id, select ?? TasksApi.DefaultSelect.ToList())).ToList();
            B24BatchResponse response;
            try
            {
                response = Await(token => Client.BatchAsync(operations, halt: false, token));
            }
            catch (B24Exception ex)
            {
                WriteB24Error(ex, null);
                return;
            }
            for (var i = 0; i < response.Items.Count; i++)
            {
                TaskItem? task;
                try
                {
                    task = operations[i].ReadResult(response.Items[i]);
                }
                catch (B24Exception error)
                {
                    WriteB24Error(error, _ids[i]);
                    continue;
                }
                if (task is not null)
                    WriteObject(ToOutput(task));
                else
                    WriteError(ErrorRecords.NotFound("Task", _ids[i]));
            }
        }
    }
}
