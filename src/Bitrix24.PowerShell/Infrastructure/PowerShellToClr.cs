using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns what scripts pass (Hashtable, [ordered], PSCustomObject, arrays, PSObject-wrapped values) into
    /// plain Dictionary / List / scalars, the only shapes the client's JSON and PHP-query writers must know.
    /// </summary>
    internal static class PowerShellToClr
    {
        private const int MaxDepth = 64;

        public static Dictionary<string, object?>? ToDictionary(IDictionary? dictionary)
            => dictionary is null ? null : FromDictionary(dictionary, 0);

        public static object? ToPlain(object? value) => Convert(value, 0);

        private static object? Convert(object? value, int depth)
        {
            if (depth > MaxDepth)
                throw new ArgumentException("Parameters are nested more than " + MaxDepth + " levels deep (a cycle?).");

            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject)
                    return FromCustomObject(ps, depth);
                value = ps.BaseObject;
            }

            switch (value)
            {
                case null:
                    return null;
                case string _:
                case bool _:
                case DateTimeOffset _:
                    return value;
                case char c:
                    return c.ToString();
                case SwitchParameter sw:
                    return sw.IsPresent;
                case DateTime dt:
                    return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Local) : dt);
                case Enum e:
                    return e.ToString();
                case Guid g:
                    return g.ToString();
                case ScriptBlock sb:
                    return sb.ToString();
                case IDictionary dictionary:
                    return FromDictionary(dictionary, depth);
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                        list.Add(Convert(item, depth + 1));
                    return list;
                case IConvertible _:
                    return value; // numbers: the writers format them with the invariant culture
                default:
                    return System.Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static Dictionary<string, object?> FromDictionary(IDictionary dictionary, int depth)
        {
            var result = new Dictionary<string, object?>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = System.Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
                result[key] = Convert(entry.Value, depth + 1);
            }
            return result;
        }

        private static Dictionary<string, object?> FromCustomObject(PSObject obj, int depth)
        {
            var result = new Dictionary<string, object?>();
            foreach (var property in obj.Properties)
                result[property.Name] = Convert(property.Value, depth + 1);
            return result;
        }
    }
}
