using System;

namespace Bitrix24.Client.Auth.OAuth
{
    /// <summary>The next step for each authorization-server error (settings__oauth__error-codes.md) and for
    /// the token cache's own failures; every one ends in how to sign in again.</summary>
    internal static class OAuthErrors
    {
        public const string SignInAgain = "Sign in again: Connect-B24 -Portal <url> -ClientId <id> -ClientSecret <secret> -Interactive, or pass a new -RefreshToken.";

        public static string NextStep(string code)
        {
            switch (code)
            {
                case "invalid_grant":
                    return "The refresh token (or authorization code) is no longer valid: it was used already, expired after 180 days, or belongs to another application. " + SignInAgain;
                case "invalid_client":
                    return "Check -ClientId and -ClientSecret, and that the application is installed on this portal. " + SignInAgain;
                case "expired_token":
                    return "The token server says the token expired. " + SignInAgain;
                case "PAYMENT_REQUIRED":
                    return "The application's trial or paid period is over: renew its payment; until then no tokens are issued.";
                case "invalid_request":
                    return "The token request was malformed (check -TokenServer points at the authorization server).";
                case "invalid_scope":
                case "insufficient_scope":
                    return "Add the missing permissions to the application's card on the portal. " + SignInAgain;
                default:
                    return SignInAgain;
            }
        }
    }
}
