using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Client.Paging;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    internal static class PageMapping
    {
        /// <summary>Streams pages of rows as pages of models, one page at a time.</summary>
        public static async IAsyncEnumerable<B24Page<T>> Map<T>(IAsyncEnumerable<B24Page<JsonElement>> pages,
            [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class
        {
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var items = new List<T>(page.Items.Count);
                foreach (var row in page.Items)
                    items.Add(B24Json.Deserialize<T>(row));
                yield return new B24Page<T>(items, page.Total);
            }
        }

        /// <summary>Adds <paramref name="value"/> under <paramref name="name"/> unless it is null (null query
        /// members do not filter).</summary>
        public static ParameterSet SetIfPresent(this ParameterSet set, string name, object? value)
            => value is null ? set : set.Set(name, value);
    }
}
