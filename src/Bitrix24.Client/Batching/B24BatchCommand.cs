using System;

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
            Parameters = parameters;
        }

        public string Key { get; }
        public string Method { get; }
        public object? Parameters { get; }

        /// <summary>A sub-call already written as <c>method?query</c> (as a user of Invoke-B24Batch may write it).</summary>
        public string? RawQuery { get; private set; }

        public static B24BatchCommand FromQueryString(string key, string methodAndQuery) => throw new NotImplementedException();

        /// <summary>The cmd string sent on the wire: <c>method?php[bracket]=encoding</c>.</summary>
        public string ToCommandString() => throw new NotImplementedException();

        /// <summary>A reference to a field of this command's result, for a later command in the same batch:
        /// <c>$result[key][49][ID]</c>.</summary>
        public static string ResultReference(string key, params object[] path) => throw new NotImplementedException();
    }
}
