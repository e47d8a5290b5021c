using System;
using System.Text.Json;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>tasks.flow.Flow.*, as operations that a client sends alone or batches
    /// (<c>client.CallAsync(FlowsApi.Get(7))</c>).</summary>
    public static class FlowsApi
    {
        public const string CreateMethod = "tasks.flow.Flow.create";
        public const string UpdateMethod = "tasks.flow.Flow.update";
        public const string GetMethod = "tasks.flow.Flow.get";
        public const string DeleteMethod = "tasks.flow.Flow.delete";
        public const string IsExistsMethod = "tasks.flow.Flow.isExists";
        public const string ActivateMethod = "tasks.flow.Flow.activate";
        public const string PinMethod = "tasks.flow.Flow.pin";

        /// <summary>The code of every documented tasks.flow.Flow.* error ("Flow not found", "Access denied or flow
        /// not found", a field's invalid value…): only the description tells them apart.</summary>
        public const string ErrorCode = "0";

        /// <summary>Creates a flow; the result is the flow as stored. A lost answer is checked by the flow's name
        /// (names are unique): no flow of that name, it did not run and goes again once; one exists, it ran, but
        /// isExists gives no id, so the item fails with FLOW_EXISTS_ID_UNKNOWN (never created twice).</summary>
        public static B24Operation<Flow> Create(FlowFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            if (string.IsNullOrWhiteSpace(fields.Name))
                throw new ArgumentException("A flow needs a name.", nameof(fields));
            return B24Operation.Write(CreateMethod, new ParameterSet().Set("flowData", fields.ToParameters()), r => ReadFlow(r, CreateMethod))
                .CheckedBy(Named(fields.Name!));
        }

        public static B24Operation<Flow> Update(long id, FlowFields fields)
            => B24Operation.Write(UpdateMethod, new ParameterSet().Set("flowData", (fields ?? new FlowFields()).ToParameters(Id(id))), r => ReadFlow(r, UpdateMethod));

        public static B24Operation<Flow> Get(long id)
            => B24Operation.Read(GetMethod, ById(id), r => ReadFlow(r, GetMethod));

        /// <summary>Deletes a flow; the result is <c>result.deleted</c>. A lost answer is checked with a get: "Flow
        /// not found" means it ran; the flow still there, it did not and goes again once.</summary>
        public static B24Operation<bool> Delete(long id)
            => B24Operation.Write(DeleteMethod, new ParameterSet().Set("flowData", new ParameterSet().Set("id", Id(id))), r => ReadFlag(r.Result, "deleted"))
                .CheckedBy(Gone(id));

        /// <summary>Toggles: an active flow is switched off, an inactive one on.</summary>
        public static B24Operation<bool> Activate(long id)
            => B24Operation.Write(ActivateMethod, ById(id), r => ReadFlag(r.Result));

        /// <summary>Toggles the caller's pin; the result is true when the flow is now pinned.</summary>
        public static B24Operation<bool> Pin(long id)
            => B24Operation.Write(PinMethod, ById(id), r => ReadFlag(r.Result));

        /// <summary>Whether a flow of that name exists (other than <paramref name="excludeId"/>).</summary>
        public static B24Operation<bool> IsExists(string name, long? excludeId = null)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A flow name is required.", nameof(name));
            return B24Operation.Read(IsExistsMethod, ExistsParameters(name, excludeId), r => ReadFlag(r.Result, "exists"));
        }

        private static ParameterSet ExistsParameters(string name, long? excludeId = null)
            => new ParameterSet().Set("flowData", new ParameterSet().Set("name", name).SetIfPresent("id", excludeId));

        /// <summary>isExists by name: a flow of that name exists (ran, id unknown) or not (not run).</summary>
        private static B24Operation<B24Outcome<Flow>> Named(string name)
            => B24Operation.Read(IsExistsMethod, ExistsParameters(name), r => ReadFlag(r.Result, "exists")
                ? B24Outcome<Flow>.RanUnread(new B24Exception(B24ErrorCodes.FlowExistsIdUnknown,
                    "The answer to creating flow '" + name + "' was lost, and a flow of that name exists now: it was created (or existed already), but its id is unknown.",
                    method: CreateMethod))
                : B24Outcome<Flow>.NotRun);

        /// <summary>A get: "Flow not found" (ran), the flow (not run); any other answer cannot tell.</summary>
        private static B24Operation<B24Outcome<bool>> Gone(long id)
            => B24Operation.ReadAnswer(GetMethod, ById(id), r =>
                r.Error is null ? B24Outcome<bool>.NotRun
                : r.Error.Code == ErrorCode && string.Equals(r.Error.Description, "Flow not found", StringComparison.Ordinal) ? B24Outcome<bool>.RanWith(true)
                : B24Outcome<bool>.Unknown);

        private static Flow ReadFlow(B24Response response, string method)
            => response.Result.ValueKind == JsonValueKind.Object ? B24Json.Deserialize<Flow>(response.Result)
                : throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return a flow.", null, method);

        /// <summary>result.exists (isExists), result.deleted (delete) or a bare boolean (activate, pin).</summary>
        private static bool ReadFlag(JsonElement result, string? property = null)
        {
            var value = result;
            if (property is not null && !JsonReading.TryGetProperty(result, property, out value))
                return false;
            return JsonReading.ToBoolean(value) ?? false;
        }

        private static ParameterSet ById(long id) => new ParameterSet().Set("flowId", Id(id));

        private static long Id(long id) => id > 0 ? id : throw new ArgumentException("A flow id is a positive number; " + id + " is not.", nameof(id));
    }
}
