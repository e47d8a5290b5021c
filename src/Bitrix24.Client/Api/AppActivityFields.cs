using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Client.Models;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>
    /// The documented fields of a robot or activity (bizproc.robot.add/update, bizproc.activity.add/update),
    /// CODE aside. Null members are not sent, so an update changes only what is given. <see cref="Validate"/>
    /// checks what the portal would refuse (and what it would take but never work), before anything is sent.
    /// </summary>
    public sealed class AppActivityFields
    {
        private static readonly Regex Url = new Regex("^https?://[^/?#\\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>http(s) URL the portal sends the call to (on the application's domain).</summary>
        public string? Handler { get; set; }

        /// <summary>The user whose token the application receives.</summary>
        public long? AuthUserId { get; set; }

        /// <summary>Wait for the application's answer (bizproc.event.send); unset = wait, as the portal does.</summary>
        public bool? UseSubscription { get; set; }

        public LocalizedText? Name { get; set; }
        public LocalizedText? Description { get; set; }

        /// <summary>Input parameters by system name (ordered as given).</summary>
        public IList<AppActivityProperty>? Properties { get; set; }

        /// <summary>Results the application returns through bizproc.event.send.</summary>
        public IList<AppActivityProperty>? ReturnProperties { get; set; }

        /// <summary>The document type that gives PROPERTIES and RETURN_PROPERTIES their field types.</summary>
        public DocumentType? DocumentType { get; set; }

        public AppActivityFilter? Filter { get; set; }

        /// <summary>Open extra settings in the application's slider; needs <see cref="PlacementHandler"/>.</summary>
        public bool? UsePlacement { get; set; }

        public string? PlacementHandler { get; set; }

        /// <summary>No field is set (an update would be refused with "No fields to update").</summary>
        public bool IsEmpty => Handler is null && AuthUserId is null && UseSubscription is null && Name is null && Description is null
            && Properties is null && ReturnProperties is null && DocumentType is null && Filter is null && UsePlacement is null && PlacementHandler is null;

        /// <summary>
        /// Throws ArgumentException for what the portal refuses or what cannot work: for a new one
        /// (<paramref name="complete"/>) HANDLER and NAME are required; handler URLs are absolute http(s);
        /// USE_PLACEMENT Y needs PLACEMENT_HANDLER; properties as <see cref="AppActivityProperty.Validate"/> says.
        /// </summary>
        public void Validate(bool complete)
        {
            if (complete && string.IsNullOrWhiteSpace(Handler))
                throw new ArgumentException("A handler URL is required (-Handler https://…).");
            if (complete && Name is null)
                throw new ArgumentException("A name is required (-Name 'text' or -Name @{ en = 'text'; de = 'Text' }).");
            CheckUrl(Handler, "Handler");
            CheckUrl(PlacementHandler, "PlacementHandler");
            if (UsePlacement == true && string.IsNullOrWhiteSpace(PlacementHandler))
                throw new ArgumentException("-UsePlacement needs -PlacementHandler (the URL of the settings page in the application).");
            if (complete && UsePlacement != true && PlacementHandler is not null)
                throw new ArgumentException("-PlacementHandler is used only with -UsePlacement; give both.");
            if (AuthUserId is { } user && user < 0)
                throw new ArgumentException("-AuthUserId is a user id (0 or more); " + user + " is not.");
            CheckProperties(Properties, "Properties");
            CheckProperties(ReturnProperties, "ReturnProperties");
        }

        /// <summary>The documented field object (upper-case names, Y/N flags).</summary>
        internal ParameterSet ToParameters()
        {
            static object? YesNo(bool? flag) => flag is null ? null : (flag.Value ? "Y" : "N");
            return new ParameterSet()
                .SetIfPresent("HANDLER", Handler)
                .SetIfPresent("AUTH_USER_ID", AuthUserId)
                .SetIfPresent("USE_SUBSCRIPTION", YesNo(UseSubscription))
                .SetIfPresent("NAME", Name?.ToParameter())
                .SetIfPresent("DESCRIPTION", Description?.ToParameter())
                .SetIfPresent("PROPERTIES", PropertiesParameter(Properties))
                .SetIfPresent("RETURN_PROPERTIES", PropertiesParameter(ReturnProperties))
                .SetIfPresent("DOCUMENT_TYPE", DocumentType?.ToArray())
                .SetIfPresent("FILTER", Filter?.ToParameter())
                .SetIfPresent("USE_PLACEMENT", YesNo(UsePlacement))
                .SetIfPresent("PLACEMENT_HANDLER", PlacementHandler);
        }

        private static ParameterSet? PropertiesParameter(IList<AppActivityProperty>? properties)
        {
            if (properties is null)
                return null;
            var set = new ParameterSet();
            foreach (var property in properties)
                set.Set(property.Key, property.ToParameter());
            return set;
        }

        private static void CheckUrl(string? url, string parameter)
        {
            if (url is null)
                return;
            if (!Url.IsMatch(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
                throw new ArgumentException("-" + parameter + " must be an absolute http or https URL; '" + url + "' is not.");
        }

        private static void CheckProperties(IList<AppActivityProperty>? properties, string parameter)
        {
            if (properties is null)
                return;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in properties)
            {
                if (!seen.Add(property.Key))
                    throw new ArgumentException("-" + parameter + ": the property '" + property.Key + "' is given twice.");
                property.Validate(parameter);
            }
        }
    }

    /// <summary>A text given once or per language: 'Send SMS' or { en: 'Send SMS', de: 'SMS senden' }.</summary>
    public sealed class LocalizedText
    {
        private static readonly Regex LanguageId = new Regex("^[a-z]{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly string? text;
        private readonly IReadOnlyList<KeyValuePair<string, string>>? byLanguage;

        public LocalizedText(string text)
            => this.text = string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("The text is empty.") : text;

        public LocalizedText(IEnumerable<KeyValuePair<string, string>> byLanguage)
        {
            var list = (byLanguage ?? throw new ArgumentNullException(nameof(byLanguage))).ToList();
            if (list.Count == 0)
                throw new ArgumentException("The text has no language: give at least one, e.g. @{ en = 'Send SMS' }.");
            foreach (var pair in list)
            {
                if (!LanguageId.IsMatch(pair.Key ?? ""))
                    throw new ArgumentException("'" + pair.Key + "' is not a language id: use two letters (en, de, ru…).");
                if (string.IsNullOrWhiteSpace(pair.Value))
                    throw new ArgumentException("The '" + pair.Key + "' text is empty.");
            }
            this.byLanguage = list;
        }

        /// <summary>A string, or a dictionary of language id → text (plain values; others throw ArgumentException naming <paramref name="what"/>).</summary>
        public static LocalizedText From(object? value, string what)
        {
            try
            {
                switch (value)
                {
                    case string s:
                        return new LocalizedText(s);
                    case IDictionary dictionary:
                        var pairs = new List<KeyValuePair<string, string>>();
                        foreach (DictionaryEntry entry in dictionary)
                        {
                            if (entry.Value is not string textValue)
                                throw new ArgumentException("each language's text must be a string.");
                            pairs.Add(new KeyValuePair<string, string>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", textValue));
                        }
                        return new LocalizedText(pairs);
                    default:
                        throw new ArgumentException("give a string or a hashtable of language → text, e.g. @{ en = 'Send SMS'; de = 'SMS senden' }.");
                }
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(what + ": " + ex.Message, ex);
            }
        }

        internal object ToParameter()
        {
            if (text is not null)
                return text;
            var set = new ParameterSet();
            foreach (var pair in byLanguage!)
                set.Set(pair.Key.ToLowerInvariant(), pair.Value);
            return set;
        }

        public override string ToString() => text ?? string.Join("; ", byLanguage!.Select(p => p.Key + ": " + p.Value));
    }
}
