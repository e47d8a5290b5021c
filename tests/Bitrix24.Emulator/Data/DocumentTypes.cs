using System.Text.RegularExpressions;

namespace Bitrix24.Emulator.Data;

/// <summary>
/// The document type of a DOCUMENT_ID [module, entity, id], as the CRM document classes derive it from the
/// element id's prefix (LEAD_7 → LEAD; DYNAMIC_147_1 → DYNAMIC_147). Only CRM documents are known here.
/// </summary>
internal static class DocumentTypes
{
    private static readonly Dictionary<string, Regex> CrmEntities = new(StringComparer.Ordinal)
    {
        ["CCrmDocumentLead"] = new("^(LEAD)_[1-9][0-9]*$"),
        ["CCrmDocumentDeal"] = new("^(DEAL)_[1-9][0-9]*$"),
        ["CCrmDocumentContact"] = new("^(CONTACT)_[1-9][0-9]*$"),
        ["CCrmDocumentCompany"] = new("^(COMPANY)_[1-9][0-9]*$"),
        [@"Bitrix\Crm\Integration\BizProc\Document\Quote"] = new("^(QUOTE)_[1-9][0-9]*$"),
        [@"Bitrix\Crm\Integration\BizProc\Document\SmartInvoice"] = new("^(SMART_INVOICE)_[1-9][0-9]*$"),
        [@"Bitrix\Crm\Integration\BizProc\Document\Dynamic"] = new("^(DYNAMIC_[1-9][0-9]*)_[1-9][0-9]*$"),
    };

    /// <summary>The type (LEAD, DEAL…), or null when the entity is unknown or the id does not belong to it.</summary>
    public static string? Resolve(string module, string entity, string documentId)
    {
        if (module != "crm" || !CrmEntities.TryGetValue(entity, out var pattern))
            return null;
        var match = pattern.Match(documentId);
        return match.Success ? match.Groups[1].Value : null;
    }
}
