using System;
using System.Text.Json;
using Bitrix24.Client.Batching;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>tasks.flow.Flow.*: each call described once as a command that can go alone
    /// (<see cref="B24Client.CallAsync"/> with its Method and Parameters) or in a batch, plus readers of the answers.</summary>
    public static class FlowsApi
    {
        public const string CreateMethod = "tasks.flow.Flow.create";
        public const string UpdateMethod = "tasks.flow.Flow.update";
        public const string GetMethod = "tasks.flow.Flow.get";
        public const string DeleteMethod = "tasks.flow.Flow.delete";
        public const string IsExistsMethod = "tasks.flow.Flow.isExists";
        public const string ActivateMethod = "tasks.flow.Flow.activate";
        public const string PinMethod = "tasks.flow.Flow.pin";

        public static B24BatchCommand Create(string key, FlowFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            if (string.IsNullOrWhiteSpace(fields.Name))
                throw new ArgumentException("A flow needs a name.", nameof(fields));
            return new B24BatchCommand(key, CreateMethod, new ParameterSet().Set("flowData", fields.ToParameters()).ToDictionary());
        }

        public static B24BatchCommand Update(string key, long id, FlowFields fields)
            => new B24BatchCommand(key, UpdateMethod, new ParameterSet().Set("flowData", (fields ?? new FlowFields()).ToParameters(Id(id))).ToDictionary());

        public static B24BatchCommand Get(string key, long id) => ById(key, GetMethod, id);

        public static B24BatchCommand Delete(string key, long id)
            => new B24BatchCommand(key, DeleteMethod, new ParameterSet().Set("flowData", new ParameterSet().Set("id", Id(id))).ToDictionary());

        /// <summary>Toggles: an active flow is switched off, an inactive one on.</summary>
        public static B24BatchCommand Activate(string key, long id) => ById(key, ActivateMethod, id);

        /// <summary>Toggles the caller's pin; the answer is true when the flow is now pinned.</summary>
        public static B24BatchCommand Pin(string key, long id) => ById(key, PinMethod, id);

        public static B24BatchCommand IsExists(string key, string name, long? excludeId = null)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A flow name is required.", nameof(name));
            return new B24BatchCommand(key, IsExistsMethod,
                new ParameterSet().Set("flowData", new ParameterSet().Set("name", name).SetIfPresent("id", excludeId)).ToDictionary());
        }

        public static Flow ReadFlow(JsonElement result, string method)
            => result.ValueKind == JsonValueKind.Object ? B24Json.Deserialize<Flow>(result)
                : throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return a flow.", null, method);

        /// <summary>result.exists (isExists), result.deleted (delete) or a bare boolean (activate, pin).</summary>
        public static bool ReadFlag(JsonElement result, string? property = null)
        {
            var value = result;
            if (property is not null && !JsonReading.TryGetProperty(result, property, out value))
                return false;
            return JsonReading.ToBoolean(value) ?? false;
        }

        private static B24BatchCommand ById(string key, string method, long id)
            => new B24BatchCommand(key, method, new ParameterSet().Set("flowId", Id(id)).ToDictionary());

        private static long Id(long id) => id > 0 ? id : throw new ArgumentException("A flow id is a positive number; " + id + " is not.", nameof(id));
    }
}
