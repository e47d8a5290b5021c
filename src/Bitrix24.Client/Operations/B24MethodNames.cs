using System;
using System.Collections.Generic;

namespace Bitrix24.Client.Operations
{
    /// <summary>What a REST method's name tells about it, for raw calls whose operation is not described
    /// (Invoke-B24Method): Bitrix24 names its reads by a last segment such as <c>get</c> or <c>list</c>.</summary>
    public static class B24MethodNames
    {
        /// <summary>Last segments of methods that only read: user.get, tasks.task.list, bizproc.workflow.instances,
        /// tasks.flow.Flow.isExists, crm.deal.fields, tasks.task.getFields, user.current, user.search, app.info…</summary>
        private static readonly HashSet<string> ReadSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "get", "list", "getlist", "instances", "isexists", "fields", "getfields", "current", "search", "info", "access", "admin",
        };

        /// <summary>Whole names of reads whose last segment says nothing (no dot, or a generic one).</summary>
        private static readonly HashSet<string> ReadMethods = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "profile", "scope", "methods", "method.get", "server.time",
        };

        /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="method"/> is a REST method name
        /// (ASCII letters, digits, '.', '_' and '-'): it becomes a URL path segment.</summary>
        public static void Validate(string method)
        {
            if (string.IsNullOrWhiteSpace(method))
                throw new ArgumentException("A method name is required, e.g. user.get.", nameof(method));
            foreach (var c in method)
            {
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-') || c > 127)
                    throw new ArgumentException("'" + method + "' is not a REST method name (letters, digits, '.', '_' and '-' only).", nameof(method));
            }
        }

        /// <summary>
        /// True when the name says the method only reads. Anything else counts as a write — including
        /// <c>batch</c>, whose sub-calls may change state — so a method this table does not know is confirmed
        /// rather than run unasked. A <c>.json</c> suffix is allowed.
        /// </summary>
        public static bool IsRead(string method)
        {
            if (string.IsNullOrWhiteSpace(method))
                return false;
            var name = method.Trim();
            if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                name = name.Substring(0, name.Length - ".json".Length);
            if (ReadMethods.Contains(name))
                return true;
            var dot = name.LastIndexOf('.');
            return dot > 0 && ReadSegments.Contains(name.Substring(dot + 1));
        }
    }
}
