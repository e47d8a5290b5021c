using Bitrix24.Emulator.Areas.OAuth;
using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// A portal test that signs in as an application (OAuth against the emulator's token server), for the
/// application-only cmdlets. <see cref="ConnectApp"/> connects as the installed app; the token cache lives
/// in a temporary folder removed after the test.
/// </summary>
public abstract class AppPortalTest(ITestOutputHelper log) : PortalTest(log), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b24-app-").FullName;
    private readonly Dictionary<string, string> _caches = new(StringComparer.Ordinal);
    private OAuthAppRegistration? _app;

    /// <summary>The application (user 1, an administrator) the scripts sign in as.</summary>
    protected OAuthAppRegistration App => _app ??= Portal.OAuth.RegisterApp();

    /// <summary>Connects as <see cref="App"/>: needs the variables <see cref="AppVariables"/> gives. The first
    /// script signs in with the refresh token; later ones from the token cache (the portal rotated the token).</summary>
    protected const string ConnectApp = """
        if (Test-Path $cache) { Connect-B24 -FromTokenCache -TokenCachePath $cache -RequestsPerSecond 1000 -Burst 1000 }
        else {
            Connect-B24 -Portal $portal -ClientId $clientId -ClientSecret (ConvertTo-SecureString $secret -AsPlainText -Force) `
                -RefreshToken (ConvertTo-SecureString $refresh -AsPlainText -Force) -TokenServer $portal -TokenCachePath $cache -RequestsPerSecond 1000 -Burst 1000
        }

        """;

    /// <summary>The variables of <see cref="ConnectApp"/> for <paramref name="app"/> (default: <see cref="App"/>),
    /// and <c>$file</c> = <paramref name="file"/>.</summary>
    protected object AppVariables(OAuthAppRegistration? app = null, string? file = null)
    {
        app ??= App;
        return new
        {
            file,
            portal = Portal.BaseUrl.ToString(),
            clientId = app.App.ClientId,
            secret = app.App.ClientSecret,
            refresh = app.RefreshToken,
            cache = CacheOf(app.App.ClientId),
        };
    }

    private string CacheOf(string clientId)
    {
        if (!_caches.TryGetValue(clientId, out var path))
            _caches[clientId] = path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        return path;
    }

    /// <summary>The robot (or activity) codes <see cref="App"/> has on the portal.</summary>
    protected IReadOnlyList<string> Codes(bool robots = true) => Portal.Portal.AppActivityCodes(App.App.ClientId, robots);

    /// <summary>A stored field of one of <see cref="App"/>'s robots or activities, as JSON text.</summary>
    protected string? Stored(string code, string field) => Portal.Portal.AppActivityFields(App.App.ClientId, code)?[field]?.ToJsonString();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Directory.Delete(_folder, recursive: true);
    }
}
