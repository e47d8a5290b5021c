using System;
using System.Collections.Generic;

namespace Bitrix24.Client.Models
{
    /// <summary>The three-part document id a workflow runs on: ['crm', 'CCrmDocumentLead', 'LEAD_777'].</summary>
    public sealed class DocumentId : IEquatable<DocumentId>
    {
        public DocumentId(string moduleId, string entity, string documentId)
        {
            ModuleId = Require(moduleId, nameof(moduleId));
            Entity = Require(entity, nameof(entity));
            Id = Require(documentId, nameof(documentId));
        }

        public string ModuleId { get; }
        public string Entity { get; }
        public string Id { get; }

        /// <summary>From three parts (module, entity, document). Throws ArgumentException naming what is wrong.</summary>
        public static DocumentId FromParts(IReadOnlyList<string> parts)
        {
            if (parts is null || parts.Count != 3)
                throw new ArgumentException(
                    "A document id has three parts: module, entity and document, e.g. crm,CCrmDocumentLead,LEAD_1.",
                    nameof(parts));
            return new DocumentId(parts[0], parts[1], parts[2]);
        }

        /// <summary>From <c>crm|CCrmDocumentLead|LEAD_1</c> (the form ToString writes and cmdlets accept).</summary>
        public static DocumentId Parse(string text)
        {
            if (text is null)
                throw new ArgumentNullException(nameof(text));
            var parts = text.Split('|');
            if (parts.Length != 3)
                throw new ArgumentException(
                    "A document id has three parts separated by '|': module|entity|document, e.g. crm|CCrmDocumentLead|LEAD_1.",
                    nameof(text));
            return new DocumentId(parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        }

        public string[] ToArray() => new[] { ModuleId, Entity, Id };

        public override string ToString() => ModuleId + "|" + Entity + "|" + Id;
        public bool Equals(DocumentId? other) => other is not null && ModuleId == other.ModuleId && Entity == other.Entity && Id == other.Id;
        public override bool Equals(object? obj) => Equals(obj as DocumentId);
        public override int GetHashCode() => (ModuleId + "\n" + Entity + "\n" + Id).GetHashCode();

        private static string Require(string value, string name)
            => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The " + name + " part of a document id is empty.", name) : value;
    }
}
