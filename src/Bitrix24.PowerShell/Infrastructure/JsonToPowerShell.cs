using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using Bitrix24.Client.Models;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// JSON results as PowerShell users expect them: objects become PSCustomObjects, arrays object[], and
    /// scalars string/long/double/bool/null. Strings that look like numbers stay strings (the portal decides).
    /// </summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new PSObject();
                    foreach (var property in element.EnumerateObject())
                        SetNote(obj, property.Name, Convert(property.Value));
                    return obj;
                case JsonValueKind.Array:
                    var items = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray())
                        items.Add(Convert(item));
                    return items.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default: // Null, and Undefined (a default JsonElement: no result at all)
                    return null;
            }
        }

        /// <summary>
        /// A model as a PSObject whose fields the model does not name (UF_* custom fields, PARAMETERS asked for
        /// with -Property…) are note properties, so they show and pipe like the typed ones.
        /// </summary>
        public static PSObject ToPSObject(B24Entity entity)
        {
            var obj = PSObject.AsPSObject(entity);
            foreach (var pair in entity.GetAdditionalJson())
            {
                if (obj.Properties[pair.Key] is null)
                    obj.Properties.Add(new PSNoteProperty(pair.Key, IsEmptyObject(pair.Value) ? null : Convert(pair.Value)));
            }
            return obj;
        }

        // The portal writes {} for a field with no value (TIMESTAMP_X, dates never set): null, as in the models.
        private static bool IsEmptyObject(JsonElement value)
            => value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().MoveNext();

        private static void SetNote(PSObject obj, string name, object? value)
        {
            // JSON may repeat a name; the last one wins, as in most JSON readers.
            if (obj.Properties[name] is PSPropertyInfo existing)
                existing.Value = value;
            else
                obj.Properties.Add(new PSNoteProperty(name, value));
        }
    }
}
