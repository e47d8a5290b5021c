namespace Bitrix24.Emulator.Areas.OAuth;

/// <summary>A local application installed on the emulated portal, and the tokens printed for it.</summary>
public sealed record OAuthApp(string ClientId, string ClientSecret, long UserId, string? RedirectUri, string Scope);

/// <summary>What <see cref="OAuthServer.RegisterApp"/> hands a test: the app and its first refresh token
/// (throwaway test values; still never print them from a test).</summary>
public sealed record OAuthAppRegistration(OAuthApp App, string RefreshToken);
