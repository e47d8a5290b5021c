using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Batching
{
    /// <summary>
    /// Maps a batch response's sections back to the commands. PHP writes each section as an object keyed by
    /// command key, but as an empty <c>[]</c> when it has no entries, and as a JSON array when the keys
    /// happen to be 0..n-1 (a list of commands): all three shapes are read into one key → value map.
    /// </summary>
    internal static class BatchResultReader
    {
        public static List<B24Response> Read(IReadOnlyList<B24BatchCommand> commands, JsonElement result, bool halt, Func<string, string> redact)
        {
            var results = Section(result, "result");
            var errors = Section(result, "result_error");
            var totals = Section(result, "result_total");
            var nexts = Section(result, "result_next");
            var times = Section(result, "result_time");

            var items = new List<B24Response>(commands.Count);
            foreach (var command in commands)
            {
                var key = command.Key;
                var time = times.TryGetValue(key, out var t) ? ResponseReader.ReadTime(t) : null;
                if (errors.TryGetValue(key, out var error))
                {
                    var exception = ResponseReader.TryReadError(error, command.Method, null, redact)
                        ?? new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal reported an error without a code.", null, command.Method);
                    exception.Time ??= time;
                    items.Add(new B24Response(command.Key, command.Method, default, exception, null, null, time));
                }
                else if (results.TryGetValue(key, out var value))
                {
                    items.Add(new B24Response(command.Key, command.Method, value, null,
                        totals.TryGetValue(key, out var total) ? JsonReading.ToInt32(total) : null,
                        nexts.TryGetValue(key, out var next) ? JsonReading.ToInt32(next) : null, time));
                }
                else if (halt)
                {
                    items.Add(Halted(command));
                }
                else
                {
                    items.Add(new B24Response(command.Key, command.Method, default,
                        new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal returned no outcome for this sub-call.", null, command.Method),
                        null, null, null));
                }
            }
            return items;
        }

        /// <summary>The outcome of a command that never ran because an earlier one failed under halt.</summary>
        public static B24Response Halted(B24BatchCommand command)
            => new B24Response(command.Key, command.Method, default,
                new B24Exception(B24ErrorCodes.BatchHalted, "Not run: an earlier sub-call failed and the batch was sent with halt.", null, command.Method),
                null, null, null);

        /// <summary>The outcome of a command whose HTTP request failed as a whole, or was never sent after one did.</summary>
        public static B24Response Failed(B24BatchCommand command, B24Exception requestError)
            => new B24Response(command.Key, command.Method, default, requestError, null, null, null);

        private static Dictionary<string, JsonElement> Section(JsonElement result, string name)
        {
            if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty(name, out var section))
                return new Dictionary<string, JsonElement>();
            var map = new Dictionary<string, JsonElement>(section.ValueKind == JsonValueKind.Array ? section.GetArrayLength() : 0);
            if (section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                    map[property.Name] = property.Value;
            }
            else if (section.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in section.EnumerateArray())
                    map[(index++).ToString(CultureInfo.InvariantCulture)] = item;
            }
            return map;
        }
    }
}
