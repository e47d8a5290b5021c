using System.Globalization;
using System.Net;
using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Control;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Http;
using Bitrix24.Emulator.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bitrix24.Emulator;

/// <summary>
/// A running emulated portal. Tests start one in-process; the program (Program.cs) starts one and prints its
/// webhook. Bound to 127.0.0.1 only.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    /// <summary>Request lines and headers up to this size are served (batch GETs get long).</summary>
    private const int MaxRequestLine = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly PortalState _portal;
    private readonly MethodRegistry _methods;
    private readonly FaultPlan _faults;
    private readonly RequestStats _stats = new();
    private readonly LeakyBucket _bucket;
    private readonly OperatingTime _operating;
    private readonly Dictionary<long, string> _webhookCodes;
    private Uri? _baseUrl;

    private EmulatorServer(EmulatorOptions options)
    {
        Options = options;
        _portal = new PortalState(options.RandomSeed);
        _methods = new MethodRegistry();
        foreach (var area in _portal.Areas)
            area.Register(_methods);
        _faults = new FaultPlan(options.RandomSeed, options.FaultRules());
        _bucket = new LeakyBucket(options.Rate, options.Burst, TimeProvider.System);
        _operating = new OperatingTime(options, TimeProvider.System);
        _webhookCodes = new Dictionary<long, string> { [1] = Authenticator.NewCode(), [2] = Authenticator.NewCode() };
        Seed();

        var rest = new RestEndpoint(options, new Authenticator(_portal, _webhookCodes, _methods.AuthSchemes), _bucket,
            new CallExecutor(_portal, _methods, _operating, _stats), _stats, _faults);
        var control = new ControlEndpoints(this, _methods);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // No console lifetime: an in-process emulator must not take Ctrl+C from its host (Program handles signals).
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLine;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxRequestLine;
            kestrel.Limits.MaxRequestBufferSize = 4 * MaxRequestLine;
        });
        _app = builder.Build();
        _app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (RestRoute.Parse(path) is { } route)
                return rest.HandleAsync(context, route);
            if (path.StartsWith("/emulator/", StringComparison.OrdinalIgnoreCase))
                return control.HandleAsync(context);
            if (_methods.FindEndpoint(path) is { } endpoint)
                return endpoint(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>Starts listening; returns once requests can be served.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var server = new EmulatorServer(options);
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._baseUrl = new Uri(new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), "/");
        return server;
    }

    /// <summary>The options this portal runs with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Webhook of user 1, an administrator: http://127.0.0.1:PORT/rest/1/CODE/</summary>
    public string WebhookUrl => WebhookUrlOf(1);

    /// <summary>Webhook of user 2, not an administrator (bizproc methods answer ACCESS_DENIED).</summary>
    public string NonAdminWebhookUrl => WebhookUrlOf(2);

    /// <summary>The in-memory portal, for seeding and for assertions.</summary>
    public PortalState Portal => _portal;

    /// <summary>The authorization server and application tokens (apps survive Reset, as installs do).</summary>
    public Areas.OAuth.OAuthServer OAuth => _portal.Area<Areas.OAuth.OAuthArea>().Server;

    /// <summary>The application --app installed, or null.</summary>
    public Areas.OAuth.OAuthAppRegistration? App => _portal.Area<Areas.OAuth.OAuthArea>().App;

    public EmulatorStats GetStats() => _stats.Snapshot();

    /// <summary>The fault rules in force (control API: /emulator/faults).</summary>
    internal FaultPlan Faults => _faults;

    /// <summary>A new operating-time budget (null keeps a value); the baskets are counted afresh.</summary>
    /// <exception cref="ArgumentException">A value the options refuse; nothing changes.</exception>
    internal void SetOperatingBudget(double? limitSeconds, double? costSeconds, double? windowSeconds)
    {
        var before = (Options.OperatingLimitSeconds, Options.OperatingCostSeconds, Options.OperatingWindowSeconds);
        Options.OperatingLimitSeconds = limitSeconds ?? before.Item1;
        Options.OperatingCostSeconds = costSeconds ?? before.Item2;
        Options.OperatingWindowSeconds = windowSeconds ?? before.Item3;
        try
        {
            Options.Validate();
        }
        catch (ArgumentException)
        {
            (Options.OperatingLimitSeconds, Options.OperatingCostSeconds, Options.OperatingWindowSeconds) = before;
            throw;
        }
        _operating.Reset();
    }

    /// <summary>Clears counters and data, then seeds again as the options say; the fault rules go back to the options'.</summary>
    public void Reset()
    {
        lock (_portal.SyncRoot)
        {
            _portal.Clear();
            _stats.Reset();
            _bucket.Reset();
            _operating.Reset();
            _faults.Reset();
            Seed();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string WebhookUrlOf(long userId)
        => new Uri(BaseUrl, string.Create(CultureInfo.InvariantCulture, $"rest/{userId}/{_webhookCodes[userId]}/")).ToString();

    private void Seed() => _portal.SeedFromOptions(Options);

    /// <summary>A host lifetime that neither listens for signals nor prints anything.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
