using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>Base of every model: fields the model does not name (custom UF_* fields and anything newer
    /// than this module) are kept, converted to plain .NET values.</summary>
    public abstract class B24Entity
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? ExtensionData { get; set; }

        /// <summary>Unknown fields as string/long/double/bool/null, object[] and Dictionary values.</summary>
        [JsonIgnore]
        public IReadOnlyDictionary<string, object?> AdditionalFields
        {
            get
            {
                var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                if (ExtensionData is not null)
                {
                    foreach (var pair in ExtensionData)
                        fields[pair.Key] = JsonReading.ToPlain(pair.Value);
                }
                return fields;
            }
        }
    }
}
