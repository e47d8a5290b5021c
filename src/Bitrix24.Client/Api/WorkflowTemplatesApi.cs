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

    /// <summary>The fields of bizproc.workflow.template.add/update; null members are not sent.</summary>
    public sealed class WorkflowTemplateFields
    {
        /// <summary>What the template is for (add only; the portal never changes it).</summary>
        public DocumentType? DocumentType { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }

        /// <summary>The .bpt file (an export from the workflow designer), sent as the documented file value.</summary>
        public TemplateFile? TemplateData { get; set; }

        public WorkflowAutoExecute? AutoExecute { get; set; }

        internal ParameterSet ToParameters()
        {
            if (Name is not null && Name.Trim().Length == 0)
                throw new ArgumentException("A template name cannot be empty.");
            if (AutoExecute is { } auto && ((int)auto < 0 || (int)auto > 3))
                throw new ArgumentException("AutoExecute is None, OnCreate, OnUpdate or OnCreateAndUpdate.");
            return new ParameterSet()
                .SetIfPresent("DOCUMENT_TYPE", DocumentType?.ToArray())
                .SetIfPresent("NAME", Name)
                .SetIfPresent("DESCRIPTION", Description)
                .SetIfPresent("TEMPLATE_DATA", TemplateData?.ToParameter())
                .SetIfPresent("AUTO_EXECUTE", AutoExecute is { } a ? (int)a : (int?)null);
        }
    }

    /// <summary>A file as Bitrix24 takes it in a parameter: [file name, base64 content].</summary>
    public sealed class TemplateFile
    {
        public TemplateFile(string fileName, byte[] content)
        {
            FileName = string.IsNullOrWhiteSpace(fileName) ? throw new ArgumentException("A file needs a name.") : fileName;
            Content = content is { Length: > 0 } ? content : throw new ArgumentException("The file '" + fileName + "' is empty.");
        }

        public string FileName { get; }
        public byte[] Content { get; }

        /// <summary>Reads a .bpt file (the workflow designer's export). ArgumentException when it cannot be read.</summary>
        public static TemplateFile FromPath(string path)
        {
            try
            {
                return new TemplateFile(System.IO.Path.GetFileName(path), System.IO.File.ReadAllBytes(path));
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw new ArgumentException("Cannot read the template file '" + path + "': " + ex.Message, ex);
            }
        }

        internal string[] ToParameter() => new[] { FileName, Convert.ToBase64String(Content) };
    }

    /// <summary>bizproc.workflow.template.*: list, and add/update/delete (application context only; an
    /// application changes only the templates it added).</summary>
    public static class WorkflowTemplatesApi
    {
        public const string ListMethod = "bizproc.workflow.template.list";
        public const string AddMethod = "bizproc.workflow.template.add";
        public const string UpdateMethod = "bizproc.workflow.template.update";
        public const string DeleteMethod = "bizproc.workflow.template.delete";

        /// <summary>Adds a template (DocumentType, Name and TemplateData required); the result is the template
        /// as sent, with the id the portal gave it. Sent alone, never in a batch: a .bpt can be large.</summary>
        public static B24Operation<WorkflowTemplate> Add(WorkflowTemplateFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            if (fields.DocumentType is null)
                throw new ArgumentException("A template needs a document type (-DocumentType Deal, 'Dynamic 128', …).");
            if (string.IsNullOrWhiteSpace(fields.Name))
                throw new ArgumentException("A template needs a name.");
            if (fields.TemplateData is null)
                throw new ArgumentException("A template needs its .bpt file (-Path).");
            var type = fields.DocumentType;
            return B24Operation.Write(AddMethod, fields.ToParameters(), response => new WorkflowTemplate
            {
                Id = ReadId(response, AddMethod),
                ModuleId = type.ModuleId,
                Entity = type.Entity,
                DocumentType = type.ToArray(),
                Name = fields.Name,
                AutoExecute = fields.AutoExecute ?? WorkflowAutoExecute.None,
            }).ApplicationOnly().Unbatchable();
        }

        /// <summary>Changes the given fields (Name, Description, TemplateData, AutoExecute; at least one). The
        /// result is the template's id.</summary>
        public static B24Operation<int> Update(int id, WorkflowTemplateFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            if (fields.DocumentType is not null)
                throw new ArgumentException("A template's document type cannot be changed.");
            var changes = fields.ToParameters();
            if (changes.Count == 0)
                throw new ArgumentException("Nothing to change: give -Name, -Description, -Path or -AutoExecute.");
            return B24Operation.Write(UpdateMethod, new ParameterSet().Set("ID", Id(id)).Set("FIELDS", changes), r => ReadId(r, UpdateMethod))
                .ApplicationOnly().Unbatchable();
        }

        /// <summary>Deletes a template the application added (the portal answers <c>result: null</c>).</summary>
        public static B24Operation<bool> Delete(int id)
            => B24Operation.Write(DeleteMethod, new ParameterSet().Set("ID", Id(id)), _ => true).ApplicationOnly();

        private static int Id(int id) => id > 0 ? id : throw new ArgumentException("A template id is a positive number; " + id + " is not.");

        private static int ReadId(B24Response response, string method)
            => JsonReading.ToInt64(response.Result) is { } id ? (int)id
                : throw new Errors.B24Exception(Errors.B24ErrorCodes.UnexpectedAnswer, "The portal did not return a template id.", null, method);

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
