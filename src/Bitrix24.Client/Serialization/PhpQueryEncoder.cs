using System;

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
        public static string Encode(object? parameters) => throw new NotImplementedException();
    }
}
