using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>How Add-B24Task reads CSV-friendly values: list cells split on ';' or ',', dates with offsets,
    /// readable CRM bindings. Each throws ArgumentException naming the parameter and what it accepts.</summary>
    internal static class TaskFieldValues
    {
        private static readonly char[] Separators = { ';', ',' };

        private static readonly Dictionary<string, string> CrmPrefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["lead"] = "L", ["deal"] = "D", ["contact"] = "C", ["company"] = "CO", ["invoice"] = "SI",
        };

        /// <summary>A field name as the portal spells them: TITLE, UF_PROJECT_CODE, ufProjectCode.</summary>
        public static bool IsFieldName(string name)
        {
            if (string.IsNullOrEmpty(name) || !(name[0] < 128 && char.IsLetter(name[0])))
                return false;
            foreach (var c in name)
            {
                if (!(c < 128 && (char.IsLetterOrDigit(c) || c == '_')))
                    return false;
            }
            return true;
        }

        public static List<string> Split(string[]? values)
            => (values ?? Array.Empty<string>()).Where(v => v is not null)
                .SelectMany(v => v.Split(Separators, StringSplitOptions.RemoveEmptyEntries)).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        public static List<long>? Ids(string[]? values, string parameter)
        {
            if (values is null)
                return null;
            return Split(values).Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id : throw new ArgumentException("-" + parameter + " takes user ids (positive numbers, a list cell split on ';' or ','); '" + v + "' is not one.")).ToList();
        }

        /// <summary>A DateTimeOffset, a DateTime (Unspecified = local time) or text in ISO 8601 (best with its offset); empty = absent.</summary>
        public static DateTimeOffset? Date(object? value, string parameter)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null: return null;
                case DateTimeOffset offset: return offset;
                case DateTime date: return new DateTimeOffset(date);
                case string text when text.Trim().Length == 0: return null;
                case string text when DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed): return parsed;
                default:
                    throw new ArgumentException("-" + parameter + " takes a date (DateTime, DateTimeOffset or ISO 8601 text such as 2026-01-31T18:00:00+02:00); '" + value + "' is not one.");
            }
        }

        /// <summary>0 low, 1 medium, 2 high; names or the portal's numbers.</summary>
        public static int? Priority(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return null;
            var index = Array.FindIndex(TaskPriorityCompleter.Names, n => string.Equals(n, value!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return index;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= 2)
                return number;
            throw new ArgumentException("-Priority takes Low, Medium or High (or 0, 1, 2); '" + value + "' is not one.");
        }

        /// <summary>UF_CRM_TASK values: D_10 as is, or deal:10, lead:4, contact:7, company:5, invoice:3.</summary>
        public static List<string>? CrmBindings(string[]? values)
        {
            if (values is null)
                return null;
            return Split(values).Select(v =>
            {
                var colon = v.IndexOf(':');
                if (colon > 0 && CrmPrefixes.TryGetValue(v.Substring(0, colon).Trim(), out var prefix) && long.TryParse(v.Substring(colon + 1).Trim(), out var id) && id > 0)
                    return prefix + "_" + id.ToString(CultureInfo.InvariantCulture);
                if (System.Text.RegularExpressions.Regex.IsMatch(v, "^(L|D|C|CO|SI|T[0-9a-fA-F]+)_[0-9]+$"))
                    return v.ToUpperInvariant();
                throw new ArgumentException("-CrmBinding takes D_10, L_4, C_7, CO_5 (or deal:10, lead:4, contact:7, company:5); '" + v + "' is not one.");
            }).ToList();
        }

        /// <summary>Drive file ids as UF_TASK_WEBDAV_FILES wants them: with the 'n' prefix.</summary>
        public static List<string>? DiskFiles(string[]? values)
        {
            if (values is null)
                return null;
            return Split(values).Select(v =>
            {
                var digits = v.StartsWith("n", StringComparison.OrdinalIgnoreCase) ? v.Substring(1) : v;
                return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                    ? "n" + id.ToString(CultureInfo.InvariantCulture)
                    : throw new ArgumentException("-DiskFile takes Drive file ids (12345 or n12345); '" + v + "' is not one.");
            }).ToList();
        }
    }
}
