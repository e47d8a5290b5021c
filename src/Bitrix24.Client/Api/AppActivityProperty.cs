using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>
    /// One parameter (or return value) of a robot or activity: the documented PROPERTY object
    /// { Name, Description, Type, Options, Required, Multiple, Default } under its system name.
    /// </summary>
    public sealed class AppActivityProperty
    {
        private static readonly Regex KeyPattern = new Regex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <summary>The documented types (bizproc.robot.add, "Object PROPERTY").</summary>
        public static IReadOnlyList<string> Types { get; } = new[] { "bool", "date", "datetime", "double", "file", "int", "select", "string", "text", "user" };

        private static readonly string[] Keys = { "Name", "Description", "Type", "Options", "Required", "Multiple", "Default" };

        public AppActivityProperty(string key) => Key = key ?? throw new ArgumentNullException(nameof(key));

        /// <summary>The system name (starts with a letter; letters, digits, '_').</summary>
        public string Key { get; }

        public LocalizedText? Name { get; set; }
        public LocalizedText? Description { get; set; }
        public string? Type { get; set; }

        /// <summary>For Type select: value → title, in order.</summary>
        public IList<KeyValuePair<string, string>>? Options { get; set; }

        public bool? Required { get; set; }
        public bool? Multiple { get; set; }

        /// <summary>A plain value (for select: an option's value; with Multiple, a list of them).</summary>
        public object? Default { get; set; }

        /// <summary>
        /// From a hashtable as scripts write it ({ Name = 'To'; Type = 'user'; Required = $true }), keys in any
        /// letter case; values are plain (strings, numbers, booleans, lists, dictionaries). Required/Multiple
        /// take booleans or Y/N; Options a dictionary of value → title or a list of values. Unknown keys and
        /// wrong shapes throw ArgumentException naming the property.
        /// </summary>
        public static AppActivityProperty From(string key, object? definition)
        {
            if (definition is not IDictionary dictionary)
                throw new ArgumentException("The property '" + key + "' must be a hashtable such as @{ Name = 'Text'; Type = 'string' }.");
            var property = new AppActivityProperty(key);
            foreach (DictionaryEntry entry in dictionary)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                var known = Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException("The property '" + key + "' has an unknown key '" + name + "'; use " + string.Join(", ", Keys) + ".");
                var value = entry.Value;
                switch (known)
                {
                    case "Name": property.Name = value is null ? null : LocalizedText.From(value, "The Name of property '" + key + "'"); break;
                    case "Description": property.Description = value is null ? null : LocalizedText.From(value, "The Description of property '" + key + "'"); break;
                    case "Type": property.Type = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture); break;
                    case "Options": property.Options = value is null ? null : OptionsFrom(key, value); break;
                    case "Required": property.Required = Flag(key, known, value); break;
                    case "Multiple": property.Multiple = Flag(key, known, value); break;
                    default: property.Default = value; break;
                }
            }
            return property;
        }

        /// <summary>Throws ArgumentException when the portal would refuse the property or it could never work.</summary>
        public void Validate(string parameter)
        {
            var where = "-" + parameter + " '" + Key + "': ";
            if (!KeyPattern.IsMatch(Key))
                throw new ArgumentException(where + "a system name starts with a letter and holds only letters, digits and '_'.");
            if (Name is null)
                throw new ArgumentException(where + "Name is required.");
            if (Type is not null && !Types.Contains(Type, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException(where + "Type '" + Type + "' is not one of " + string.Join(", ", Types) + ".");
            var isSelect = string.Equals(Type, "select", StringComparison.OrdinalIgnoreCase);
            if (isSelect && (Options is null || Options.Count == 0))
                throw new ArgumentException(where + "a select needs Options (value → title), e.g. Options = @{ pdf = 'PDF'; docx = 'DOCX' }.");
            if (!isSelect && Options is not null)
                throw new ArgumentException(where + "Options are only for Type select.");
            if (Default is null)
                return;
            var defaults = Default is IEnumerable list && Default is not string && Default is not IDictionary
                ? list.Cast<object?>().ToList() : new List<object?> { Default };
            if (Default is IDictionary)
                throw new ArgumentException(where + "Default is a value (or, with Multiple, a list of values), not a hashtable.");
            if (defaults.Count > 1 && Multiple != true)
                throw new ArgumentException(where + "several Default values need Multiple = $true.");
            if (isSelect)
            {
                foreach (var value in defaults)
                {
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                    if (!Options!.Any(o => string.Equals(o.Key, text, StringComparison.OrdinalIgnoreCase)))
                        throw new ArgumentException(where + "Default '" + text + "' is not one of the Options (" + string.Join(", ", Options!.Select(o => o.Key)) + ").");
                }
            }
            if (string.Equals(Type, "bool", StringComparison.OrdinalIgnoreCase))
                foreach (var value in defaults)
                    if (YesNo(value) is null)
                        throw new ArgumentException(where + "Default of a bool is $true/$false or Y/N.");
        }

        /// <summary>The documented PROPERTY object.</summary>
        internal ParameterSet ToParameter()
        {
            object? options = null;
            if (Options is not null)
            {
                var set = new ParameterSet();
                foreach (var option in Options)
                    set.Set(option.Key, option.Value);
                options = set;
            }
            var isBool = string.Equals(Type, "bool", StringComparison.OrdinalIgnoreCase);
            object? value = Default;
            if (isBool && Default is not null)
                value = Default is IEnumerable many && Default is not string ? many.Cast<object?>().Select(YesNo).ToList() : (object?)YesNo(Default);
            return new ParameterSet()
                .SetIfPresent("Name", Name?.ToParameter())
                .SetIfPresent("Description", Description?.ToParameter())
                .SetIfPresent("Type", Type?.ToLowerInvariant())
                .SetIfPresent("Options", options)
                .SetIfPresent("Required", Required is null ? null : (Required.Value ? "Y" : "N"))
                .SetIfPresent("Multiple", Multiple is null ? null : (Multiple.Value ? "Y" : "N"))
                .SetIfPresent("Default", value);
        }

        private static IList<KeyValuePair<string, string>> OptionsFrom(string key, object value)
        {
            var options = new List<KeyValuePair<string, string>>();
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    options.Add(new KeyValuePair<string, string>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "",
                        Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? ""));
            }
            else if (value is IEnumerable list && value is not string)
            {
                foreach (var item in list)
                {
                    var text = Convert.ToString(item, CultureInfo.InvariantCulture) ?? "";
                    options.Add(new KeyValuePair<string, string>(text, text));
                }
            }
            else
                throw new ArgumentException("The Options of property '" + key + "' must be a hashtable of value → title or a list of values.");
            if (options.Any(o => o.Key.Length == 0))
                throw new ArgumentException("The Options of property '" + key + "' have an empty value.");
            return options;
        }

        private static bool Flag(string key, string name, object? value)
            => YesNo(value) is { } flag ? flag == "Y"
                : throw new ArgumentException("The " + name + " of property '" + key + "' is $true/$false or Y/N.");

        /// <summary>Y or N for a boolean, Y/N text or 0/1; null for anything else.</summary>
        internal static string? YesNo(object? value) => value switch
        {
            bool b => b ? "Y" : "N",
            string s when string.Equals(s, "Y", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) => "Y",
            string s when string.Equals(s, "N", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "false", StringComparison.OrdinalIgnoreCase) => "N",
            int i when i == 0 || i == 1 => i == 1 ? "Y" : "N",
            long l when l == 0 || l == 1 => l == 1 ? "Y" : "N",
            _ => null,
        };
    }

    /// <summary>FILTER of a robot or activity: where it is shown (INCLUDE) or hidden (EXCLUDE). A rule is an
    /// edition ('b24' cloud, 'box' on-premise) or a document type in full or in part (['crm','CCrmDocumentDeal']).</summary>
    public sealed class AppActivityFilter
    {
        public IList<object>? Include { get; set; }
        public IList<object>? Exclude { get; set; }

        /// <summary>From @{ Include = @(@('crm','CCrmDocumentDeal')); Exclude = 'box' } (plain values). Throws ArgumentException.</summary>
        public static AppActivityFilter From(object? value)
        {
            if (value is not IDictionary dictionary)
                throw new ArgumentException("-Filter is a hashtable with Include and/or Exclude, e.g. @{ Exclude = 'box' } or @{ Include = @(,@('crm','CCrmDocumentDeal')) }.");
            var filter = new AppActivityFilter();
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                if (string.Equals(key, "Include", StringComparison.OrdinalIgnoreCase))
                    filter.Include = Rules(entry.Value, "Include");
                else if (string.Equals(key, "Exclude", StringComparison.OrdinalIgnoreCase))
                    filter.Exclude = Rules(entry.Value, "Exclude");
                else
                    throw new ArgumentException("-Filter has an unknown key '" + key + "'; use Include and Exclude.");
            }
            if (filter.Include is null && filter.Exclude is null)
                throw new ArgumentException("-Filter needs Include or Exclude rules.");
            return filter;
        }

        internal ParameterSet ToParameter()
            => new ParameterSet().SetIfPresent("INCLUDE", Include).SetIfPresent("EXCLUDE", Exclude);

        /// <summary>One rule or a list of rules. A string with '|' is a document type in parts
        /// ('crm|CCrmDocumentDeal'), which spares PowerShell users the @(,@(…)) that keeps a nested array.</summary>
        private static IList<object> Rules(object? value, string key)
        {
            var items = value is IEnumerable list && value is not string ? list.Cast<object?>().ToList() : new List<object?> { value };
            var rules = new List<object>();
            foreach (var item in items)
            {
                switch (item)
                {
                    case string s when s.IndexOf('|') >= 0:
                        rules.Add(TypeRule(s.Split('|'), key));
                        break;
                    case string s when s.Trim().Length > 0:
                        rules.Add(s.Trim());
                        break;
                    case IEnumerable parts when item is not IDictionary:
                        rules.Add(TypeRule(parts, key));
                        break;
                    default:
                        throw new ArgumentException("-Filter " + key + ": a rule is an edition ('b24', 'box') or a document type such as 'crm|CCrmDocumentDeal' or @('crm','CCrmDocumentDeal').");
                }
            }
            return rules;
        }

        private static List<string> TypeRule(IEnumerable parts, string key)
        {
            var type = parts.Cast<object?>().Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
            if (type.Count < 1 || type.Count > 3 || type.Any(p => p.Length == 0))
                throw new ArgumentException("-Filter " + key + ": a document-type rule has one to three parts (module, entity, type), e.g. 'crm|CCrmDocumentDeal'.");
            return type;
        }
    }
}
