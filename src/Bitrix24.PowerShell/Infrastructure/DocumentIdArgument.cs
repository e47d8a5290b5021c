using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Reads -DocumentId as users write it: three parts (crm,CCrmDocumentLead,LEAD_1), one string joined by
    /// '|' (what a CSV column holds), several such strings, or, where a filter allows, just the element id.
    /// </summary>
    internal static class DocumentIdArgument
    {
        private const char Separator = '|';

        /// <summary>Documents to act on; an element id alone is completed by <paramref name="moduleId"/> and
        /// <paramref name="entity"/> when both are given. Throws ArgumentException saying what is wrong.</summary>
        public static IReadOnlyList<DocumentId> ParseDocuments(IReadOnlyList<string> value, string? moduleId = null, string? entity = null)
        {
            if (value.Count == 1 && value[0] is { } element && element.IndexOf(Separator) < 0
                && !string.IsNullOrWhiteSpace(moduleId) && !string.IsNullOrWhiteSpace(entity))
                return new[] { Document(new[] { moduleId!.Trim(), entity!.Trim(), element.Trim() }, Describe(value)) };
            if (value.Count > 0 && value.All(v => v != null && v.IndexOf(Separator) >= 0))
                return value.Select(v => Document(Split(v), v)).ToList();
            return new[] { Document(Parts(value), Describe(value)) };
        }

        /// <summary>A filter: (module, entity, element id) with module and entity null when only the id was given.</summary>
        public static (string? ModuleId, string? Entity, string Id) ParseFilter(IReadOnlyList<string> value)
        {
            var parts = Parts(value);
            if (parts.Count == 1 && !string.IsNullOrWhiteSpace(parts[0]))
                return (null, null, parts[0]);
            var document = Document(parts, Describe(value));
            return (document.ModuleId, document.Entity, document.Id);
        }

        private static DocumentId Document(IReadOnlyList<string> parts, string given)
        {
            if (parts.Count != 3 || parts.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException("'" + given + "' is not a document id: give module, entity and element, "
                    + "e.g. crm,CCrmDocumentLead,LEAD_1 or 'crm|CCrmDocumentLead|LEAD_1'.");
            return new DocumentId(parts[0], parts[1], parts[2]);
        }

        private static IReadOnlyList<string> Parts(IReadOnlyList<string> value)
            => value.Count == 1 && value[0] != null ? Split(value[0]) : value.Select(v => (v ?? "").Trim()).ToList();

        private static IReadOnlyList<string> Split(string value)
            => value.Split(Separator).Select(p => p.Trim()).ToList();

        /// <summary>-DocumentId as the user gave it, for messages and error targets.</summary>
        public static string Describe(IReadOnlyList<string> value) => string.Join(",", value);
    }
}
