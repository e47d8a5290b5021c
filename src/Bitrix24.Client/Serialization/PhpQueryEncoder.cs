using System;
using System.Text;

namespace Bitrix24.Client.Serialization
{
    /// <summary>
    /// Writes parameters as a PHP-style bracket query (<c>filter[&gt;ID]=5&amp;select[0]=ID</c>), as a batch
    /// sub-call needs them. PHP's own http_build_query drops nulls and turns booleans into 1/0; we keep the
    /// PHP reading but lose nothing: null → <c>key=</c> (PHP reads ""), true/false → 1/0 (never "True"),
    /// nested lists/dictionaries → nested brackets, empty list/dictionary → <c>key=</c>, dates → ISO 8601,
    /// numbers in invariant culture, text as UTF-8 percent-encoding.
    /// </summary>
    public static class PhpQueryEncoder
    {
        /// <summary>Encodes a dictionary (or a list, whose indexes become the keys) of parameters; null gives "".</summary>
        /// <exception cref="ArgumentException">The parameters are a single scalar value.</exception>
        public static string Encode(object? parameters)
        {
            var root = ParameterValue.Of(parameters);
            if (root.Kind == ParameterKind.Null)
                return "";
            if (root.Kind != ParameterKind.Map && root.Kind != ParameterKind.List)
                throw new ArgumentException("Parameters must be a dictionary of names and values, not a single "
                    + root.Kind.ToString().ToLowerInvariant() + ".", nameof(parameters));

            var query = new StringBuilder();
            WriteChildren(query, prefix: null, root);
            return query.ToString();
        }

        private static void WriteChildren(StringBuilder query, string? prefix, ParameterValue container)
        {
            if (container.Kind == ParameterKind.Map)
            {
                foreach (var entry in container.Entries())
                    Write(query, Child(prefix, entry.Key), entry.Value);
            }
            else
            {
                var index = 0;
                foreach (var item in container.Items())
                    Write(query, Child(prefix, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), item);
            }
        }

        private static void Write(StringBuilder query, string name, object? value)
        {
            var parameter = ParameterValue.Of(value);
            switch (parameter.Kind)
            {
                case ParameterKind.Map:
                case ParameterKind.List:
                    var before = query.Length;
                    WriteChildren(query, name, parameter);
                    // An empty container still sends its key, so PHP sees the parameter (as "").
                    if (query.Length == before)
                        Append(query, name, "");
                    break;
                case ParameterKind.Null:
                    Append(query, name, "");
                    break;
                case ParameterKind.Boolean:
                    Append(query, name, parameter.Flag ? "1" : "0");
                    break;
                default:
                    Append(query, name, PercentEncoding.Escape(parameter.Text!, PercentEncoding.ValueSafe));
                    break;
            }
        }

        private static string Child(string? prefix, string key)
        {
            var encoded = PercentEncoding.Escape(key, PercentEncoding.KeySafe);
            return prefix is null ? encoded : prefix + "[" + encoded + "]";
        }

        private static void Append(StringBuilder query, string name, string encodedValue)
        {
            if (query.Length > 0)
                query.Append('&');
            query.Append(name).Append('=').Append(encodedValue);
        }
    }
}
