namespace Bitrix24.Client.Tests.TestSupport;

/// <summary>Clients over a mock network with limits that never make a unit test wait.</summary>
public static class TestClients
{
    /// <summary>The secret of the test webhook: no assertion message, log line or exception may contain it.</summary>
    public const string Code = "s3cretc0de4tests";

    public const string WebhookUrl = "https://example.bitrix24.com/rest/1/" + Code + "/";

    public static B24Client Create(MockHandler handler, Action<B24ClientOptions>? configure = null)
    {
        var options = new B24ClientOptions
        {
            RequestsPerSecond = 10_000,
            Burst = 10_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        configure?.Invoke(options);
        return new B24Client(Auth.WebhookCredential.Parse(WebhookUrl), options, handler);
    }

    /// <summary>Asserts the secret is absent without printing the text (an xunit failure would show it).</summary>
    public static void AssertNoSecret(string? text, string what)
        => Assert.True(text is null || !text.Contains(Code, StringComparison.OrdinalIgnoreCase), what + " contains the webhook code");
}
