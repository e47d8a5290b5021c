namespace Bitrix24.HelpBuilder;

/// <summary>What one cmdlet page says, in the shape MAML needs (platyPS's MamlCommand, reduced to what we use).</summary>
public sealed record CommandHelp(
    string Name,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxHelp> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<LinkHelp> Links);

/// <summary>A parameter with the metadata of one parameter set (or of all of them).</summary>
public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, ParameterYaml Metadata)
{
    public bool IsSwitch => Metadata.Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter" || Metadata.Type.Equals("switch", StringComparison.OrdinalIgnoreCase);
}

public sealed record SyntaxHelp(string SetName, IReadOnlyList<ParameterHelp> Parameters);

public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

public sealed record ExampleHelp(string Title, IReadOnlyList<string> Code, IReadOnlyList<string> Remarks);

public sealed record LinkHelp(string Text, string Uri);
