using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Bitrix24.Client.Models
{
    /// <summary>
    /// The three-part document type of bizproc (module, entity, type): ['crm', 'CCrmDocumentDeal', 'DEAL'].
    /// <see cref="Parse(IReadOnlyList{string})"/> also takes the readable shortcuts Lead, Contact, Company, Deal, Quote, SmartInvoice,
    /// 'Dynamic 128', 'List 5' and 'Disk 3' (smart process, list information block, drive storage).
    /// </summary>
    public sealed class DocumentType : IEquatable<DocumentType>
    {
        private const string CrmModule = "crm";

        private static readonly Dictionary<string, DocumentType> Fixed = new Dictionary<string, DocumentType>(StringComparer.OrdinalIgnoreCase)
        {
            ["Lead"] = new DocumentType(CrmModule, "CCrmDocumentLead", "LEAD"),
            ["Contact"] = new DocumentType(CrmModule, "CCrmDocumentContact", "CONTACT"),
            ["Company"] = new DocumentType(CrmModule, "CCrmDocumentCompany", "COMPANY"),
            ["Deal"] = new DocumentType(CrmModule, "CCrmDocumentDeal", "DEAL"),
            ["Quote"] = new DocumentType(CrmModule, @"Bitrix\Crm\Integration\BizProc\Document\Quote", "QUOTE"),
            ["SmartInvoice"] = new DocumentType(CrmModule, @"Bitrix\Crm\Integration\BizProc\Document\SmartInvoice", "SMART_INVOICE"),
        };

        /// <summary>Shortcuts that take a number: the smart process type id, the list's information block, the drive storage.</summary>
        private static readonly Dictionary<string, Func<long, DocumentType>> Numbered = new Dictionary<string, Func<long, DocumentType>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Dynamic"] = id => new DocumentType(CrmModule, @"Bitrix\Crm\Integration\BizProc\Document\Dynamic", "DYNAMIC_" + Text(id)),
            ["List"] = id => new DocumentType("lists", "BizprocDocument", "iblock_" + Text(id)),
            ["Disk"] = id => new DocumentType("disk", @"Bitrix\Disk\BizProcDocument", "STORAGE_" + Text(id)),
        };

        public DocumentType(string moduleId, string entity, string type)
        {
            ModuleId = Require(moduleId, "module");
            Entity = Require(entity, "entity");
            Type = Require(type, "type");
        }

        public string ModuleId { get; }
        public string Entity { get; }
        public string Type { get; }

        /// <summary>The shortcuts <see cref="Parse(IReadOnlyList{string})"/> knows (the numbered ones with a placeholder).</summary>
        public static IReadOnlyList<string> Shortcuts { get; } = Fixed.Keys.Concat(new[] { "Dynamic <id>", "List <iblock>", "Disk <storage>" }).ToList();

        /// <summary>
        /// A shortcut ('Deal', 'Dynamic 128', 'Dynamic:128'), the three parts joined by '|'
        /// ('crm|CCrmDocumentDeal|DEAL'), or, as parts: three (module, entity, type) or two (a numbered shortcut
        /// and its id). Throws ArgumentException saying what is accepted.
        /// </summary>
        public static DocumentType Parse(IReadOnlyList<string> parts)
        {
            if (parts is null)
                throw new ArgumentNullException(nameof(parts));
            var given = parts.Select(p => (p ?? "").Trim()).ToList();
            if (given.Count == 1)
                return Parse(given[0]);
            if (given.Count == 2 && Numbered.TryGetValue(given[0], out var numbered))
                return numbered(Number(given[1], given[0]));
            if (given.Count == 3 && given.All(p => p.Length > 0))
                return new DocumentType(given[0], given[1], given[2]);
            throw Invalid(string.Join(",", given));
        }

        /// <summary>One string: a shortcut or module|entity|type (see <see cref="Parse(IReadOnlyList{string})"/>).</summary>
        public static DocumentType Parse(string text)
        {
            var value = (text ?? throw new ArgumentNullException(nameof(text))).Trim();
            if (Fixed.TryGetValue(value, out var known))
                return known;
            var pipe = value.Split('|');
            if (pipe.Length == 3)
                return Parse(pipe);
            var words = value.Split(new[] { ' ', ':', '_' }, 2, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && Numbered.TryGetValue(words[0], out var numbered))
                return numbered(Number(words[1].Trim(), words[0]));
            throw Invalid(value);
        }

        public string[] ToArray() => new[] { ModuleId, Entity, Type };

        public override string ToString() => ModuleId + "|" + Entity + "|" + Type;
        public bool Equals(DocumentType? other) => other is not null && ModuleId == other.ModuleId && Entity == other.Entity && Type == other.Type;
        public override bool Equals(object? obj) => Equals(obj as DocumentType);
        public override int GetHashCode() => ToString().GetHashCode();

        private static long Number(string text, string shortcut)
            => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
                : throw new ArgumentException("'" + shortcut + " " + text + "': the " + shortcut + " shortcut takes a positive id, e.g. '" + shortcut + " 128'.");

        private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

        private static ArgumentException Invalid(string given)
            => new ArgumentException("'" + given + "' is not a document type: give one of " + string.Join(", ", Shortcuts)
                + ", or module, entity and type, e.g. crm,CCrmDocumentDeal,DEAL or 'crm|CCrmDocumentDeal|DEAL'.");

        private static string Require(string value, string part)
            => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The " + part + " part of a document type is empty.") : value;
    }
}
