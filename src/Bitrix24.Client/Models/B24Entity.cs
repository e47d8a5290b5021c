using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>Base of every model: fields the model does not name (custom UF_* fields and anything newer
    /// than this module) are kept, converted to plain .NET values. They are reached through methods, not
    /// properties, so that PowerShell (Format-List *, Export-Csv, ConvertTo-Json) shows each field once: the
    /// module adds them to its output objects as properties of their own.</summary>
    public abstract class B24Entity
    {
        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

        /// <summary>Unknown fields as string/long/double/bool/null, object[] and Dictionary values.</summary>
        public IReadOnlyDictionary<string, object?> GetAdditionalFields()
        {
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (ExtensionData is not null)
            {
                foreach (var pair in ExtensionData)
                    fields[pair.Key] = JsonReading.ToPlain(pair.Value);
            }
            return fields;
        }

        /// <summary>Unknown fields as the portal sent them, in its order.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonElement>> GetAdditionalJson()
            => ExtensionData is null
                ? (IReadOnlyList<KeyValuePair<string, JsonElement>>)Array.Empty<KeyValuePair<string, JsonElement>>()
                : new List<KeyValuePair<string, JsonElement>>(ExtensionData);
    }
}
