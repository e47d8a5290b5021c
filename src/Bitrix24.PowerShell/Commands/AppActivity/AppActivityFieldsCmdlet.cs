using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Bitrix24.Client.Api;
using Bitrix24.Client.Models;
using Bitrix24.PowerShell.Infrastructure;

namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// The fields Register-/Set-B24Robot and Register-/Set-B24Activity share, and how a definition reaches
    /// them: as parameters, by property name from objects (Import-Csv, [pscustomobject]), or as a hashtable
    /// on the pipeline (Import-PowerShellDataFile robot.psd1 | Register-B24Robot) whose keys are parameter
    /// names or the documented field names (AUTH_USER_ID…). Parameters given on the command line win over a
    /// definition's keys. Only what is given is sent; values are checked before sending
    /// (<see cref="AppActivityFields.Validate"/>).
    /// </summary>
    public abstract class AppActivityFieldsCmdlet : B24BatchCmdlet
    {
        protected const string FieldsSet = "Fields";

        /// <summary>The default set: PowerShell tries the default set's pipeline parameters first, and only a
        /// ValueFromPipeline parameter there lets a hashtable bind (objects still bind by property name to Fields).</summary>
        protected const string DefinitionSet = "Definition";

        /// <summary>The parameters a definition may set (by name or alias).</summary>
        private static readonly string[] FieldParameters =
        {
            "Code", "Name", "Handler", nameof(Description), nameof(AuthUserId), nameof(UseSubscription), nameof(Properties),
            nameof(ReturnProperties), nameof(DocumentType), nameof(Filter), nameof(UsePlacement), nameof(PlacementHandler),
        };

        private readonly HashSet<string> _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _fromDefinition = new List<string>();

        /// <summary>The code, unique within the application: a-z, A-Z, 0-9, '.', '-', '_'.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = FieldsSet)]
        [ValidatePattern(AppActivityApi.CodeRule)]
        [ArgumentCompleter(typeof(AppActivityCodeCompleter))]
        public string Code { get; set; } = "";

        /// <summary>A whole definition: keys are the field parameters' names (or the documented field names).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DefinitionSet)]
        [ValidateNotNull]
        public IDictionary? Definition { get; set; }

        /// <summary>A text or a hashtable of language → text.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Description { get; set; }

        /// <summary>The user whose token the application receives with each call.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AUTH_USER_ID")]
        [ValidateRange(0, long.MaxValue)]
        public long AuthUserId { get; set; }

        /// <summary>Wait for the application's answer (bizproc.event.send); -UseSubscription:$false sends N.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("USE_SUBSCRIPTION")]
        public SwitchParameter UseSubscription { get; set; }

        /// <summary>Input parameters: system name → @{ Name; Description; Type; Options; Required; Multiple; Default }.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? Properties { get; set; }

        /// <summary>Values the application returns with Send-B24BizprocEvent, described as -Properties are.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RETURN_PROPERTIES")]
        public IDictionary? ReturnProperties { get; set; }

        /// <summary>A shortcut (Deal, Lead, 'Dynamic 128'…) or module, entity and type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DOCUMENT_TYPE")]
        [ArgumentCompleter(typeof(DocumentTypeCompleter))]
        public string[]? DocumentType { get; set; }

        /// <summary>@{ Include = …; Exclude = … }: editions (b24, box) or document types ('crm|CCrmDocumentDeal').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? Filter { get; set; }

        /// <summary>Opens extra settings in the application's slider; needs -PlacementHandler.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("USE_PLACEMENT")]
        public SwitchParameter UsePlacement { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PLACEMENT_HANDLER")]
        public string? PlacementHandler { get; set; }

        /// <summary>Also write the robot or activity (its code) when it was registered or changed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Robots or activities.</summary>
        protected abstract AppActivityApi Api { get; }

        /// <summary>The name and handler parameters (declared by the cmdlets, which differ in what is mandatory).</summary>
        protected abstract object? NameValue { get; }
        protected abstract string? HandlerValue { get; }

        /// <summary>What ShouldProcess and errors name: "robot send_sms".</summary>
        protected string Describe(string? code) => Api.Noun + " " + code;

        /// <summary>What is written for a done item with -PassThru.</summary>
        protected object? Written(string code) => PassThru ? Api.Model(code) : null;

        /// <summary>
        /// This record's fields: applies -Definition (after undoing the previous record's), then builds and
        /// checks the fields that were given. On ArgumentException the item is rejected (written in its place)
        /// and null is returned.
        /// </summary>
        protected (string Code, AppActivityFields Fields)? ReadRecord(bool complete)
        {
            try
            {
                ApplyDefinition();
                var code = Api.Code(Code ?? "");
                var fields = BuildFields();
                fields.Validate(complete);
                return (code, fields);
            }
            catch (ArgumentException ex)
            {
                Reject(ErrorRecords.InvalidArgument(ex.Message, Code, ex));
                return null;
            }
        }

        private bool Given(string name) => _given.Contains(name);

        private AppActivityFields BuildFields()
        {
            static object? Plain(object? value) => PowerShellToClr.ToPlain(value);
            return new AppActivityFields
            {
                Handler = Given("Handler") ? HandlerValue : null,
                AuthUserId = Given(nameof(AuthUserId)) ? AuthUserId : (long?)null,
                UseSubscription = Given(nameof(UseSubscription)) ? UseSubscription.IsPresent : (bool?)null,
                Name = Given("Name") && NameValue is not null ? LocalizedText.From(Plain(NameValue), "-Name") : null,
                Description = Given(nameof(Description)) && Description is not null ? LocalizedText.From(Plain(Description), "-Description") : null,
                Properties = Given(nameof(Properties)) ? PropertiesFrom(Properties) : null,
                ReturnProperties = Given(nameof(ReturnProperties)) ? PropertiesFrom(ReturnProperties) : null,
                DocumentType = Given(nameof(DocumentType)) && DocumentType is not null ? Bitrix24.Client.Models.DocumentType.Parse(DocumentType) : null,
                Filter = Given(nameof(Filter)) ? AppActivityFilter.From(Plain(Filter)) : null,
                UsePlacement = Given(nameof(UsePlacement)) ? UsePlacement.IsPresent : (bool?)null,
                PlacementHandler = Given(nameof(PlacementHandler)) ? PlacementHandler : null,
            };
        }

        private static List<AppActivityProperty>? PropertiesFrom(IDictionary? properties)
            => PowerShellToClr.ToDictionary(properties)?.Select(p => AppActivityProperty.From(p.Key, p.Value)).ToList();

        /// <summary>Sets the field parameters from -Definition; command-line parameters are kept.</summary>
        private void ApplyDefinition()
        {
            foreach (var name in _fromDefinition)
                Property(name).SetValue(this, DefaultOf(Property(name).PropertyType));
            _fromDefinition.Clear();
            _given.Clear();
            foreach (var name in MyInvocation.BoundParameters.Keys)
                _given.Add(name);
            if (ParameterSetName != DefinitionSet || Definition is null)
                return;

            var parameters = MyInvocation.MyCommand.Parameters.Values
                .Where(p => FieldParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (DictionaryEntry entry in Definition)
            {
                var key = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
                var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)
                        || p.Aliases.Contains(key, StringComparer.OrdinalIgnoreCase))
                    ?? throw new ArgumentException("The definition has an unknown key '" + key + "'; a " + Api.Noun + " definition takes "
                        + string.Join(", ", parameters.Select(p => p.Name)) + ".");
                if (MyInvocation.BoundParameters.ContainsKey(parameter.Name))
                    continue;
                var property = Property(parameter.Name);
                property.SetValue(this, ConvertValue(entry.Value, property.PropertyType, parameter.Name));
                _fromDefinition.Add(parameter.Name);
                _given.Add(parameter.Name);
            }
        }

        private System.Reflection.PropertyInfo Property(string name) => GetType().GetProperty(name)!;

        private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

        private static object? ConvertValue(object? value, Type type, string parameter)
        {
            var plain = value is PSObject ps ? ps.BaseObject : value;
            try
            {
                if (type == typeof(SwitchParameter))
                    return new SwitchParameter(AppActivityPropertyFlag(plain, parameter));
                if (type == typeof(object))
                    return value;
                if (typeof(IDictionary).IsAssignableFrom(type))
                    return plain as IDictionary ?? throw new ArgumentException("-" + parameter + " must be a hashtable.");
                return LanguagePrimitives.ConvertTo(plain, type, CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException ex)
            {
                throw new ArgumentException("-" + parameter + ": " + ex.Message, ex);
            }
        }

        private static bool AppActivityPropertyFlag(object? value, string parameter) => value switch
        {
            bool b => b,
            SwitchParameter s => s.IsPresent,
            string s when s == "Y" || s == "N" => s == "Y",
            _ => throw new ArgumentException("-" + parameter + " is $true/$false or Y/N."),
        };
    }
}
