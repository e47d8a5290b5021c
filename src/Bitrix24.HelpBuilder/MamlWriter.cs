using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bitrix24.HelpBuilder;

/// <summary>
/// Writes MAML as platyPS 0.14's MamlRenderer does: the same elements in the same order, the same attribute
/// spellings (lower-case booleans and position, aliases "none"), switches without a parameterValue inside
/// syntax items, "False" as a switch's default, example titles padded with dashes, and relative links kept as
/// text with an empty uri.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    private static XElement CommandElement(CommandHelp command)
    {
        var verb = command.Name.Split('-')[0];
        var noun = command.Name[Math.Min(verb.Length + 1, command.Name.Length)..];
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                new XElement(Maml + "description", Paras(command.Synopsis))),
            new XElement(Maml + "description", Paras(command.Description)),
            new XElement(Command + "syntax", command.Syntax.Select(s => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", command.Name),
                s.Parameters.Select(p => ParameterElement(p, inSyntax: true))))),
            new XElement(Command + "parameters", command.Parameters.Select(p => ParameterElement(p, inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", command.Links.Select(LinkElement)));
    }

    private static XElement ParameterElement(ParameterHelp parameter, bool inSyntax)
    {
        var yaml = parameter.Metadata;
        var type = parameter.IsSwitch ? "SwitchParameter" : yaml.Type;
        var defaultValue = parameter.IsSwitch && (yaml.DefaultValue is "" or "None") ? "False" : yaml.DefaultValue is "" ? "None" : yaml.DefaultValue;
        return new XElement(Command + "parameter",
            new XAttribute("required", Bool(yaml.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(yaml.Globbing)),
            new XAttribute("pipelineInput", yaml.PipelineInput),
            new XAttribute("position", yaml.Position.ToLowerInvariant()),
            new XAttribute("aliases", yaml.Aliases.Count > 0 ? string.Join(", ", yaml.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paras(parameter.Description)),
            // platyPS leaves the value out for switches inside syntax items, so the syntax reads [-PassThru].
            inSyntax && parameter.IsSwitch
                ? null
                : new XElement(Command + "parameterValue",
                    new XAttribute("required", Bool(!parameter.IsSwitch)),
                    new XAttribute("variableLength", "false"),
                    type),
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", defaultValue));
    }

    private static XElement TypeElement(string element, TypeHelp type)
        => new(Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paras(type.Description)));

    private static XElement ExampleElement(ExampleHelp example)
        => new(Command + "example",
            new XElement(Maml + "title", PadTitle(example.Title)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paras(example.Remarks)));

    // PowerShell's help engine rejects a uri that is not absolute, so a link to a sibling page keeps only its text.
    private static XElement LinkElement(LinkHelp link)
        => new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", InlineText.IsAbsolute(link.Uri) ? link.Uri : ""));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>"Example 1: x" becomes "--- Example 1: x ---", dashes up to 64 characters, as platyPS pads it.</summary>
    private static string PadTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
            return title;
        var dashes = new string('-', (64 - title.Length - 2) / 2);
        return $"{dashes} {title} {dashes}";
    }
}
