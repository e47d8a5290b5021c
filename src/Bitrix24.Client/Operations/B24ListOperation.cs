using System;
using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Operations
{
    /// <summary>
    /// A list method described once: how to page it (offset with <c>start</c>/<c>next</c>, or keyset on a unique
    /// key, 50 pages chained per batch) and how to read a row. Always a read. Sent with
    /// <see cref="B24Client.ListAsync{T}(B24ListOperation{T}, System.Threading.CancellationToken)"/>.
    /// </summary>
    public sealed class B24ListOperation<T> : B24Operation
    {
        private readonly Func<JsonElement, T> readRow;

        private B24ListOperation(string method, IReadOnlyDictionary<string, object?> parameters, KeysetListRequest? keyset, Func<JsonElement, T> readRow)
            : base(method, parameters, B24CallKind.Read)
        {
            Keyset = keyset;
            this.readRow = readRow ?? throw new ArgumentNullException(nameof(readRow));
        }

        /// <summary>How to keyset-page the method, or null for offset paging.</summary>
        public KeysetListRequest? Keyset { get; }

        public T ReadRow(JsonElement row) => readRow(row);

        /// <summary>Offset paging with <paramref name="parameters"/> as the first page's query.</summary>
        internal static B24ListOperation<T> Offset(string method, ParameterSet parameters, Func<JsonElement, T> readRow)
            => new B24ListOperation<T>(method, parameters.ToDictionary(), null, readRow);

        /// <summary>Keyset paging as <paramref name="request"/> describes it.</summary>
        public static B24ListOperation<T> ByKey(KeysetListRequest request, Func<JsonElement, T> readRow)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            var shown = new Dictionary<string, object?>(request.Extra) { [request.FilterParameter] = request.Filter };
            if (request.SelectParameter is { } select && request.Select is { } fields)
                shown[select] = fields;
            return new B24ListOperation<T>(request.Method, shown, request, readRow);
        }
    }

    /// <summary>Row readers shared by the API areas.</summary>
    internal static class Rows
    {
        /// <summary>A row as a model (unknown fields kept in AdditionalFields).</summary>
        public static TModel As<TModel>(JsonElement row) where TModel : class => B24Json.Deserialize<TModel>(row);
    }
}
