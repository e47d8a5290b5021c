using System;
using System.Collections;
using System.Collections.Generic;

namespace Bitrix24.Client.Serialization
{
    /// <summary>
    /// An ordered set of named parameters whose names match ignoring case, as the portal reads them
    /// (FILTER and filter are one parameter). The pagers use it to put their own start/ORDER/FILTER over a
    /// caller's parameters without sending both spellings.
    /// </summary>
    internal sealed class ParameterSet : IEnumerable<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> entries = new List<KeyValuePair<string, object?>>();

        /// <summary>A copy of a caller's dictionary (any kind); null gives an empty set.</summary>
        /// <exception cref="ArgumentException">The value is not a dictionary.</exception>
        public static ParameterSet From(object? parameters, string parameterName = "parameters")
        {
            var set = new ParameterSet();
            var value = ParameterValue.Of(parameters);
            if (value.Kind == ParameterKind.Null)
                return set;
            if (value.Kind != ParameterKind.Map)
                throw new ArgumentException("Expected a dictionary of names and values.", parameterName);
            foreach (var entry in value.Entries())
                set.Set(entry.Key, entry.Value);
            return set;
        }

        public int Count => entries.Count;

        /// <summary>Adds <paramref name="value"/> under <paramref name="name"/> unless it is null (null query
        /// members do not filter).</summary>
        public ParameterSet SetIfPresent(string name, object? value) => value is null ? this : Set(name, value);

        /// <summary>Replaces the entry of that name (any case) in place, or appends it.</summary>
        public ParameterSet Set(string name, object? value)
        {
            var index = IndexOf(name);
            var entry = new KeyValuePair<string, object?>(name, value);
            if (index >= 0)
                entries[index] = entry;
            else
                entries.Add(entry);
            return this;
        }

        public ParameterSet Remove(string name)
        {
            var index = IndexOf(name);
            if (index >= 0)
                entries.RemoveAt(index);
            return this;
        }

        /// <summary>Removes every entry <paramref name="match"/> accepts.</summary>
        public ParameterSet RemoveWhere(Func<string, bool> match)
        {
            entries.RemoveAll(e => match(e.Key));
            return this;
        }

        public bool TryGet(string name, out object? value)
        {
            var index = IndexOf(name);
            value = index >= 0 ? entries[index].Value : null;
            return index >= 0;
        }

        /// <summary>Adds every entry of <paramref name="other"/> (a caller's raw filter, say) over these.</summary>
        public ParameterSet Merge(object? other)
        {
            foreach (var entry in From(other))
                Set(entry.Key, entry.Value);
            return this;
        }

        /// <summary>The entries as a dictionary (insertion order kept: nothing is removed from it).</summary>
        public Dictionary<string, object?> ToDictionary()
        {
            var dictionary = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
                dictionary[entry.Key] = entry.Value;
            return dictionary;
        }

        public ParameterSet Clone()
        {
            var copy = new ParameterSet();
            copy.entries.AddRange(entries);
            return copy;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string name) => entries.FindIndex(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
    }
}
