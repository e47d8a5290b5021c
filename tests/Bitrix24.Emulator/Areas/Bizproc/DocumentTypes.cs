using System.Text.RegularExpressions;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>
/// The document type of a DOCUMENT_ID [module, entity, id], as the CRM document classes derive it from the
/// element id's prefix (LEAD_7 → LEAD; DYNAMIC_147_1 → DYNAMIC_147). Only CRM documents are known here.
/// </summary>
internal static class DocumentTypes
{
    private const string Dynamic = @"Bitrix\Crm\Integration\BizProc\Document\Dynamic";

    /// <summary>Entities with one fixed document type, which is also their element ids' prefix.</summary>
    private static readonly Dictionary<string, string> FixedTypes = new(StringComparer.Ordinal)
    {
        ["CCrmDocumentLead"] = "LEAD",
        ["CCrmDocumentDeal"] = "DEAL",
        ["CCrmDocumentContact"] = "CONTACT",
        ["CCrmDocumentCompany"] = "COMPANY",
        [@"Bitrix\Crm\Integration\BizProc\Document\Quote"] = "QUOTE",
        [@"Bitrix\Crm\Integration\BizProc\Document\SmartInvoice"] = "SMART_INVOICE",
    };

    private static readonly Regex DynamicId = new("^(DYNAMIC_[1-9][0-9]*)_[1-9][0-9]*$");
    private static readonly Regex DynamicType = new("^DYNAMIC_[1-9][0-9]*$");
    private static readonly Regex IblockType = new("^iblock_[1-9][0-9]*$");
    private static readonly Regex StorageType = new("^STORAGE_[1-9][0-9]*$");
    private static readonly string[] ListEntities = ["BizprocDocument", @"Bitrix\Lists\BizprocDocumentLists"];
    private const string DiskEntity = @"Bitrix\Disk\BizProcDocument";

    /// <summary>Entities whose document type is fixed (all but Dynamic, whose type carries the entity type id).</summary>
    public static IEnumerable<string> SimpleEntities => FixedTypes.Keys;

    /// <summary>The fixed document type of an entity (CCrmDocumentLead → LEAD), or null.</summary>
    public static string? TypeOf(string entity) => FixedTypes.GetValueOrDefault(entity);

    /// <summary>The type (LEAD, DEAL…), or null when the entity is unknown or the id does not belong to it.</summary>
    public static string? Resolve(string module, string entity, string documentId)
    {
        if (module != "crm")
            return null;
        if (entity == Dynamic)
            return DynamicId.Match(documentId) is { Success: true } dynamic ? dynamic.Groups[1].Value : null;
        if (!FixedTypes.TryGetValue(entity, out var type))
            return null;
        var prefix = type + "_";
        return documentId.StartsWith(prefix, StringComparison.Ordinal) && documentId.Length > prefix.Length
            && documentId[prefix.Length] != '0' && documentId[prefix.Length..].All(char.IsAsciiDigit) ? type : null;
    }

    /// <summary>Whether [module, entity, type] is a document type the bizproc pages list: CRM (LEAD… and
    /// DYNAMIC_n), lists (iblock_n) and disk (STORAGE_n); with <paramref name="crmOnly"/> (robots) only CRM.</summary>
    public static bool IsDocumentType(string module, string entity, string type, bool crmOnly = false) => module switch
    {
        "crm" => entity == Dynamic ? DynamicType.IsMatch(type) : TypeOf(entity) == type,
        "lists" => !crmOnly && ListEntities.Contains(entity) && IblockType.IsMatch(type),
        "disk" => !crmOnly && entity == DiskEntity && StorageType.IsMatch(type),
        _ => false,
    };
}
