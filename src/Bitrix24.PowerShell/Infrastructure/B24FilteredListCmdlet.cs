using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// A list whose method takes a FILTER: declares -Filter once for all of them. The hashtable's keys are the
    /// method's own filter keys, prefixes included ('&gt;=DATE_REGISTER', '&lt;STARTED', '!ID'); the cmdlet's
    /// typed parameters are merged over it. A list that also has SELECT/ORDER gets them from a further layer
    /// built the same way (one property here, one line in the operation's factory), not per cmdlet.
    /// </summary>
    public abstract class B24FilteredListCmdlet : B24ListCmdlet
    {
        /// <summary>Extra FILTER entries of the method (prefixes such as '&gt;=DATE_REGISTER' allowed).</summary>
        [Parameter]
        public IDictionary? Filter { get; set; }

        /// <summary>-Filter as plain CLR values for the client (PSObjects unwrapped, dates kept).</summary>
        protected Dictionary<string, object?>? FilterEntries => PowerShellToClr.ToDictionary(Filter);

        /// <summary>-DocumentId as a filter (module, entity, element; module and entity null for an element id
        /// alone), null when not given; a malformed one ends the cmdlet before anything is sent.</summary>
        protected (string? ModuleId, string? Entity, string Id)? DocumentFilter(string[]? documentId)
        {
            if (documentId is null)
                return null;
            try
            {
                return DocumentIdArgument.ParseFilter(documentId);
            }
            catch (System.ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex.Message, DocumentIdArgument.Describe(documentId), ex));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }
    }
}
