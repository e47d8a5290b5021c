using System;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>The fields New- and Set-B24WorkflowTemplate share (only those given are sent) and how -Path
    /// becomes the documented file value.</summary>
    public abstract class WorkflowTemplateFieldsCmdlet : B24SingleCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The .bpt file exported from the workflow designer (a PowerShell path; binds from FullName).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>When it starts by itself (not from the pipeline: Get-B24WorkflowTemplate output carries the current value).</summary>
        [Parameter]
        public TemplateAutoExecute AutoExecute { get; set; }

        /// <summary>The fields of the bound parameters, the file read (ArgumentException when it cannot be).</summary>
        protected WorkflowTemplateFields BuildFields(string? name, string[]? documentType)
        {
            var bound = MyInvocation.BoundParameters;
            return new WorkflowTemplateFields
            {
                DocumentType = documentType is null ? null : DocumentType.Parse(documentType),
                Name = name,
                Description = bound.ContainsKey(nameof(Description)) ? Description ?? "" : null,
                TemplateData = Path is null ? null : TemplateFile.FromPath(Resolve(Path)),
                AutoExecute = IfBound(nameof(AutoExecute), AutoExecute) is { } auto ? (WorkflowAutoExecute)(int)auto : (WorkflowAutoExecute?)null,
            };
        }

        private string Resolve(string path)
        {
            try
            {
                var resolved = GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem" || resolved.Count != 1)
                    throw new ArgumentException("-Path must name one file; '" + path + "' does not.");
                return resolved[0];
            }
            catch (ItemNotFoundException ex)
            {
                throw new ArgumentException("The template file '" + path + "' does not exist.", ex);
            }
        }
    }
}
