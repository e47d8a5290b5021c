using System;
using System.Globalization;
using System.Text;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Batching
{
    /// <summary>One sub-call of a <c>batch</c>: a key, a method and its parameters (any mix of dictionaries,
    /// lists and scalars; see <see cref="Serialization.PhpQueryEncoder"/> for how they travel).</summary>
    public sealed class B24BatchCommand
    {
        public B24BatchCommand(string key, string method, object? parameters = null)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Method = method ?? throw new ArgumentNullException(nameof(method));
            if (method.Trim().Length == 0)
                throw new ArgumentException("A batch command needs a method name.", nameof(method));
            Parameters = parameters;
        }

        public string Key { get; }
        public string Method { get; }
        public object? Parameters { get; }

        /// <summary>A sub-call already written as <c>method?query</c> (as a user of Invoke-B24Batch may write it).</summary>
        public string? RawQuery { get; private set; }

        /// <summary>Read or write, when the command came from an operation; Unspecified for a raw command.</summary>
        public B24CallKind Kind { get; init; }

        /// <summary>Only an application (OAuth) may send it; on a webhook it fails without being sent.</summary>
        public bool RequiresApplication { get; init; }

        /// <summary>Splits <c>method?query</c> at the first '?'; the query travels exactly as written.</summary>
        public static B24BatchCommand FromQueryString(string key, string methodAndQuery)
        {
            if (methodAndQuery is null)
                throw new ArgumentNullException(nameof(methodAndQuery));
            var question = methodAndQuery.IndexOf('?');
            var method = (question < 0 ? methodAndQuery : methodAndQuery.Substring(0, question)).Trim();
            return new B24BatchCommand(key, method) { RawQuery = question < 0 ? "" : methodAndQuery.Substring(question + 1) };
        }

        /// <summary>The cmd string sent on the wire: <c>method?php[bracket]=encoding</c>.</summary>
        public string ToCommandString()
        {
            var query = RawQuery ?? PhpQueryEncoder.Encode(Parameters);
            return query.Length == 0 ? Method : Method + "?" + query;
        }

        /// <summary>The command may refer to an earlier command's result ($result[…], $next[…]…), so it cannot be
        /// sent again on its own. Conservative: any '$' counts.</summary>
        internal bool MayReferToOthers => ToCommandString().IndexOf('$') >= 0;

        /// <summary>A reference to a field of this command's result, for a later command in the same batch:
        /// <c>$result[key][49][ID]</c>.</summary>
        public static string ResultReference(string key, params object[] path)
        {
            if (key is null)
                throw new ArgumentNullException(nameof(key));
            var reference = new StringBuilder("$result[").Append(key).Append(']');
            foreach (var step in path ?? Array.Empty<object>())
                reference.Append('[').Append(Convert.ToString(step, CultureInfo.InvariantCulture)).Append(']');
            return reference.ToString();
        }

        public override string ToString() => Key + ": " + Method;
    }
}
