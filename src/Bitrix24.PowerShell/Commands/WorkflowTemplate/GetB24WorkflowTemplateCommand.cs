using System.Collections;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;
using Bitrix24.PowerShell.Infrastructure.Completion;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets business process templates (bizproc.workflow.template.list).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "B24WorkflowTemplate", SupportsPaging = true)]
    [OutputType(typeof(WorkflowTemplate))]
    [B24Method(WorkflowTemplatesApi.ListMethod)]
    public sealed class GetB24WorkflowTemplateCommand : B24FilteredListCmdlet
    {
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(TemplateIdCompleter))]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>crm, lists, disk…</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ModuleId { get; set; }

        /// <summary>Document class, e.g. CCrmDocumentLead.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Entity { get; set; }

        /// <summary>Heavy fields to add to the default selection: PARAMETERS, TEMPLATE, VARIABLES, CONSTANTS.</summary>
        [Parameter]
        public string[]? Property { get; set; }

        protected override void EndProcessing()
        {
            var query = new WorkflowTemplateQuery
            {
                Id = IfBound(nameof(Id), Id),
                Name = Name,
                ModuleId = ModuleId,
                Entity = Entity,
                Filter = FilterEntries,
            };
            var select = Property is { Length: > 0 }
                ? WorkflowTemplatesApi.DefaultFields.Concat(Property).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList()
                : null;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Id)))
                WriteLookup(WorkflowTemplatesApi.List(query, select), "WorkflowTemplate", new object[] { Id }, template => template.Id);
            else
                WritePages(WorkflowTemplatesApi.List(query, select), null);
            base.EndProcessing();
        }
    }
}
