using System;
using System.Collections.Generic;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>Filter for <see cref="WorkflowTemplatesApi.List"/>; null members do not filter.</summary>
    public sealed class WorkflowTemplateQuery
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? ModuleId { get; set; }
        public string? Entity { get; set; }
        public IDictionary<string, object?>? Filter { get; set; }
    }

    /// <summary>bizproc.workflow.template.* (list now; add/update/delete come with OAuth).</summary>
    public static class WorkflowTemplatesApi
    {
        public const string ListMethod = "bizproc.workflow.template.list";

        /// <summary>Fields selected by default (the list's own default is only ID). TEMPLATE, PARAMETERS,
        /// VARIABLES and CONSTANTS are heavy and must be asked for.</summary>
        public static IReadOnlyList<string> DefaultFields { get; } = new[]
        {
            "ID", "MODULE_ID", "ENTITY", "DOCUMENT_TYPE", "AUTO_EXECUTE", "NAME", "MODIFIED", "IS_MODIFIED", "USER_ID", "SYSTEM_CODE",
        };

        /// <summary>Templates in ID order (offset paging; templates are few). <paramref name="select"/>
        /// adds fields to <see cref="DefaultFields"/>; they land in <see cref="Models.B24Entity.GetAdditionalFields"/>.</summary>
        public static B24ListOperation<WorkflowTemplate> List(WorkflowTemplateQuery? query = null, IList<string>? select = null)
        {
            query ??= new WorkflowTemplateQuery();
            var fields = new List<string>(DefaultFields);
            foreach (var field in select ?? Array.Empty<string>())
            {
                if (!fields.Exists(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase)))
                    fields.Add(field);
            }
            var filter = new ParameterSet()
                .SetIfPresent("ID", query.Id)
                .SetIfPresent("NAME", query.Name)
                .SetIfPresent("MODULE_ID", query.ModuleId)
                .SetIfPresent("ENTITY", query.Entity)
                .Merge(query.Filter);
            var parameters = new ParameterSet()
                .Set("SELECT", fields)
                .Set("FILTER", filter)
                .Set("ORDER", new ParameterSet().Set("ID", "ASC"));
            return B24ListOperation<WorkflowTemplate>.Offset(ListMethod, parameters, Rows.As<WorkflowTemplate>);
        }
    }
}
