using System.Text.Json.Nodes;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// <c>batch</c>: <c>{"halt":0,"cmd":{"key":"method?query"}}</c> (cmd may be a list). Sub-calls run in order with
/// the caller's rights; each may reference earlier results. Beyond 50 a sub-call gets ERROR_BATCH_LENGTH_EXCEEDED,
/// a nested batch ERROR_BATCH_METHOD_NOT_ALLOWED; with halt the first error stops the rest (their keys are
/// simply absent). Non-string commands are skipped, as the portal does.
/// </summary>
internal static class BatchMethod
{
    public const int MaxLength = 50;

    public static MethodResult Handle(MethodContext context)
    {
        var halt = PhpValues.IsTruthy(context.Params.Get("halt"));
        var results = new BatchResults();
        var position = 0;
        foreach (var (key, command) in PhpValues.Entries(context.Params.Get("cmd")) ?? [])
        {
            CallOutcome? outcome = null;
            RestException? error;
            if (position++ >= MaxLength)
                error = new RestException(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
            else if (command is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String)
                continue;
            else
            {
                outcome = Run(context, value.GetValue<string>(), results);
                error = outcome.Error;
            }

            if (error is not null)
            {
                results.Error(key, error);
                if (halt)
                    break;
            }
            else
                results.Success(key, outcome!);
        }
        return new MethodResult(results.ToJson());
    }

    private static CallOutcome Run(MethodContext context, string command, BatchResults results)
    {
        var question = command.IndexOf('?');
        var method = MethodName.Normalize(question < 0 ? command : command[..question]);
        var query = question < 0 ? "" : command[(question + 1)..];
        var parameters = BatchReferences.Resolve(PhpQuery.Parse(query), results);
        return context.Executor.Execute(method, context.Caller, new RestParams(parameters), inBatch: true);
    }
}
