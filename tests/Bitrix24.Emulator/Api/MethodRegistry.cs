using Bitrix24.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// What the areas register, built once per portal: every REST method by its lower-case name (plus
/// <c>batch</c>, which is common), the auth schemes tried before the built-in webhook check, and extra HTTP
/// endpoints outside /rest/ (an OAuth token server, an authorize page).
/// </summary>
internal sealed class MethodRegistry
{
    public const string Batch = "batch";

    private readonly Dictionary<string, MethodSpec> _methods = new(StringComparer.Ordinal);
    private readonly List<IAuthScheme> _authSchemes = new();
    private readonly List<(string Prefix, RequestDelegate Handler)> _endpoints = new();

    public MethodRegistry() => Add(new MethodSpec(Batch, BatchMethod.Handle, MethodKind.Read, ApplicationOnly: false));

    /// <summary>A method that only reads.</summary>
    public void Read(string name, MethodHandler handler, bool applicationOnly = false)
        => Add(new MethodSpec(MethodName.Normalize(name), handler, MethodKind.Read, applicationOnly));

    /// <summary>A method that changes the portal; each successful execution is counted in stats (writesByMethod).</summary>
    public void Write(string name, MethodHandler handler, bool applicationOnly = false)
        => Add(new MethodSpec(MethodName.Normalize(name), handler, MethodKind.Write, applicationOnly));

    /// <summary>An auth scheme (OAuth tokens…), asked before the webhook check.</summary>
    public void Authentication(IAuthScheme scheme) => _authSchemes.Add(scheme);

    /// <summary>An HTTP endpoint outside /rest/ and /emulator/, by path prefix (case-insensitive), e.g. /oauth/token/.</summary>
    public void Endpoint(string pathPrefix, RequestDelegate handler) => _endpoints.Add((pathPrefix, handler));

    public MethodSpec? Find(string method) => _methods.GetValueOrDefault(method);

    public IReadOnlyCollection<MethodSpec> Methods => _methods.Values;

    public IReadOnlyList<IAuthScheme> AuthSchemes => _authSchemes;

    public RequestDelegate? FindEndpoint(string path)
        => _endpoints.FirstOrDefault(e => path.StartsWith(e.Prefix, StringComparison.OrdinalIgnoreCase)).Handler;

    private void Add(MethodSpec spec)
    {
        if (!_methods.TryAdd(spec.Name, spec))
            throw new InvalidOperationException($"The method '{spec.Name}' is registered twice.");
    }
}
