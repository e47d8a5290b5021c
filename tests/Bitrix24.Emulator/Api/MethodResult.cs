using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Api;

/// <summary>What a method returns: <c>result</c>, and for list methods <c>total</c> and <c>next</c>.</summary>
internal sealed record MethodResult(JsonNode? Result, int? Total = null, int? Next = null);
