using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Paging
{
    /// <summary>The rows of a list method's <c>result</c>, whatever shape PHP gave it.</summary>
    internal static class ListItems
    {
        /// <summary>An array is the rows; an object with a single array property (tasks.task.list's
        /// <c>{"tasks":[…]}</c>) is that array; any other object is an associative PHP array whose values
        /// are the rows; anything else has no rows.</summary>
        public static IReadOnlyList<JsonElement> Of(JsonElement result)
        {
            if (result.ValueKind == JsonValueKind.Array)
                return Collect(result);
            if (result.ValueKind != JsonValueKind.Object)
                return Array.Empty<JsonElement>();

            var properties = result.EnumerateObject();
            if (properties.MoveNext())
            {
                var only = properties.Current.Value;
                if (!properties.MoveNext() && only.ValueKind == JsonValueKind.Array)
                    return Collect(only);
            }
            var rows = new List<JsonElement>();
            foreach (var property in result.EnumerateObject())
                rows.Add(property.Value);
            return rows;
        }

        [MethodImpl(HotPath.Optimized)]
        private static List<JsonElement> Collect(JsonElement array)
        {
            var rows = new List<JsonElement>(array.GetArrayLength()); // the document knows the length: no regrowing
            foreach (var item in array.EnumerateArray())
                rows.Add(item);
            return rows;
        }
    }
}
