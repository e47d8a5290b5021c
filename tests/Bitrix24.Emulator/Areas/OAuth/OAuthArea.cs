using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.OAuth;

/// <summary>
/// Application sign-in: the token server and authorize page (<see cref="OAuthEndpoints"/>) and the auth scheme
/// that accepts an application's access token in <c>auth</c> (401 expired_token once it has expired).
/// Installed applications and their tokens survive Reset, as installs do on a portal.
/// </summary>
internal sealed class OAuthArea : PortalArea, IAuthScheme
{
    public OAuthArea(PortalState portal) : base(portal) { }

    public OAuthServer Server { get; } = new(TimeSpan.FromSeconds(3600));

    /// <summary>The application --app installed, or null.</summary>
    public OAuthAppRegistration? App { get; private set; }

    public override void Register(MethodRegistry methods)
    {
        methods.Authentication(this);
        var endpoints = new OAuthEndpoints(Server);
        methods.Endpoint("/oauth/", endpoints.HandleAsync);
    }

    public override void Clear()
    {
    }

    public override void SeedFromOptions(EmulatorOptions options)
    {
        Server.AccessTokenTtl = TimeSpan.FromSeconds(options.AccessTokenTtlSeconds);
        if (options.RegisterApp && App is null)
            App = Server.RegisterApp(1, options.AppRedirectUri);
    }

    /// <summary><c>/rest/{method}</c> with the access token in <c>auth</c> (body or query string).</summary>
    public Caller? Authenticate(RestRoute route, RestParams parameters)
    {
        if (route.WebhookUserId is not null)
            return null;
        if (parameters.Get("auth") is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<string>(out var token) || token.Length == 0)
            return null;
        var check = Server.Check(token);
        if (check.State == TokenState.Expired)
            throw new RestException(401, "expired_token", "The access token provided has expired.");
        if (check.State != TokenState.Valid)
            throw RestException.NoAuth();
        return Portal.Area<Users.UsersArea>().Find(check.App!.UserId) is { Active: true } user
            ? Caller.Application(user.Id, user.IsAdmin, check.App.ClientId)
            : throw RestException.NoAuth();
    }
}
