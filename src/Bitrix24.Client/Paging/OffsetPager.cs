using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Paging
{
    /// <summary>Plain offset paging: call with <c>start</c>, continue from <c>next</c> until it is absent.</summary>
    internal static class OffsetPager
    {
        public static async IAsyncEnumerable<B24Page<JsonElement>> ListAsync(B24Client client, string method, object? parameters, B24CallKind kind,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = ParameterSet.From(parameters);
            var start = query.TryGet("start", out var given) && ParameterValue.Of(given).Text is { } text
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var first = true;
            while (true)
            {
                query.Set("start", start);
                var response = await client.SendAsync(method, query, kind, cancellationToken).ConfigureAwait(false);
                // start=-1 asks the portal not to count: its "total": 0 then means "not counted", not "empty".
                var total = first && start != -1 ? response.Total : null;
                yield return new B24Page<JsonElement>(ListItems.Of(response.Result), total);
                first = false;

                if (response.Next is not { } next)
                    yield break;
                if (next <= start)
                    throw new B24Exception(B24ErrorCodes.UnexpectedAnswer,
                        "The list did not advance (next " + next + " after start " + start + ").", null, method);
                start = next;
            }
        }
    }
}
