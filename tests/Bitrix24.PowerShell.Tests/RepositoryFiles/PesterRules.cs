using System.Management.Automation.Language;

namespace Bitrix24.PowerShell.Tests.RepositoryFiles;

/// <summary>Pester 5: what the file must look like so that Pester 5 discovery and assertions work.</summary>
internal static class PesterRules
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "Describe", "Context", "It", "BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "BeforeDiscovery" };

    private static readonly HashSet<string> Pester4Only = new(StringComparer.OrdinalIgnoreCase)
        { "Assert-MockCalled", "Assert-VerifiableMock", "Assert-VerifiableMocks", "New-PesterOption" };

    // Should's operators and their named parameters in Pester 5.
    private static readonly HashSet<string> ShouldParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Not", "Be", "BeExactly", "BeGreaterThan", "BeGreaterOrEqual", "BeLessThan", "BeLessOrEqual", "BeIn",
        "BeLike", "BeLikeExactly", "BeNullOrEmpty", "BeOfType", "BeTrue", "BeFalse", "Contain", "Exist",
        "FileContentMatch", "FileContentMatchExactly", "FileContentMatchMultiline", "HaveCount", "HaveParameter",
        "Match", "MatchExactly", "Throw", "Invoke", "InvokeVerifiable", "ActualValue", "ExpectedValue", "Because",
        "ExpectedMessage", "ErrorId", "ExceptionType", "PassThru", "Times", "Exactly", "ParameterFilter", "Scope",
        "CommandName", "ModuleName", "Type", "RegularExpression", "ExpectedContent",
    };

    public static IEnumerable<string> Check(ScriptBlockAst file)
    {
        var commands = file.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>().ToList();

        foreach (var command in commands.Where(c => Pester4Only.Contains(c.GetCommandName() ?? "")))
            yield return $"{Line(command)}: {command.GetCommandName()} is Pester 4; use Should -Invoke";

        foreach (var should in commands.Where(c => string.Equals(c.GetCommandName(), "Should", StringComparison.OrdinalIgnoreCase)))
        {
            var first = should.CommandElements.Skip(1).FirstOrDefault();
            if (first is not CommandParameterAst)
                yield return $"{Line(should)}: '{should.Extent.Text}' is Pester 4 syntax; operators take a dash (Should -Be)";
            foreach (var parameter in should.CommandElements.OfType<CommandParameterAst>())
            {
                if (!ShouldParameters.Contains(parameter.ParameterName))
                    yield return $"{Line(should)}: Should -{parameter.ParameterName} is not a Pester 5 operator";
            }
        }

        var describes = commands.Where(c => IsBlock(c, "Describe")).ToList();
        if (describes.Count == 0)
            yield return "1: no Describe block";
        // Setup may live in a file-level BeforeAll (it runs before every top-level block) or in each Describe.
        var fileSetup = commands.Any(c => IsBlock(c, "BeforeAll") && !InsideBlock(c, "Describe") && !InsideBlock(c, "Context"));
        foreach (var describe in describes.Where(d => !fileSetup && !InsideBlock(d, "Describe") && Body(d) is { } body && FirstCommandName(body) != "BeforeAll"))
            yield return $"{Line(describe)}: a top-level Describe must start with BeforeAll, or the file have one (Pester 5 runs setup there, not at discovery)";

        foreach (var container in commands.Where(c => IsBlock(c, "Describe") || IsBlock(c, "Context")))
        {
            if (Body(container) is not { } body)
            {
                yield return $"{Line(container)}: {container.GetCommandName()} needs a script block";
                continue;
            }
            foreach (var statement in body.EndBlock?.Statements ?? Enumerable.Empty<StatementAst>())
            {
                var name = (statement as PipelineAst)?.PipelineElements.FirstOrDefault() is CommandAst c ? c.GetCommandName() : null;
                if (name is null || !Blocks.Contains(name))
                    yield return $"{statement.Extent.StartLineNumber}: code directly in {container.GetCommandName()} runs at discovery; move it into BeforeAll or It";
            }
        }

        foreach (var it in commands.Where(c => IsBlock(c, "It")))
        {
            if (Body(it) is { } body && !body.FindAll(a => a is CommandAst c && string.Equals(c.GetCommandName(), "Should", StringComparison.OrdinalIgnoreCase), true).Any())
                yield return $"{Line(it)}: It block without a Should assertion";
        }
    }

    private static bool IsBlock(CommandAst? command, string name)
        => command != null && string.Equals(command.GetCommandName(), name, StringComparison.OrdinalIgnoreCase);

    private static bool InsideBlock(Ast ast, string name)
    {
        for (var parent = ast.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is CommandAst command && IsBlock(command, name))
                return true;
        }
        return false;
    }

    private static ScriptBlockAst? Body(CommandAst command)
        => command.CommandElements.OfType<ScriptBlockExpressionAst>().LastOrDefault()?.ScriptBlock;

    private static string? FirstCommandName(ScriptBlockAst body)
        => (body.EndBlock?.Statements.FirstOrDefault() as PipelineAst)?.PipelineElements.FirstOrDefault() is CommandAst c ? c.GetCommandName() : null;

    private static int Line(Ast ast) => ast.Extent.StartLineNumber;
}
