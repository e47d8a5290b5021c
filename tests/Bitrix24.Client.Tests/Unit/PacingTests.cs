using Bitrix24.Client.Http;

namespace Bitrix24.Client.Tests.Unit;

public class PacingTests
{
    [Theory]
    [InlineData(50, 49)]
    [InlineData(250, 249)]
    [InlineData(10, 9)]
    [InlineData(5, 4)]
    [InlineData(1, 1)]
    public void The_bucket_keeps_one_token_below_the_portals_burst(int burst, int capacity)
    {
        // A rate so low that no token comes back while the test runs.
        using var limiter = PacingHandler.CreateLimiter(0.0001, burst);

        for (var i = 0; i < capacity; i++)
            Assert.True(limiter.AttemptAcquire(1).IsAcquired, "token " + (i + 1) + " of " + capacity);
        Assert.False(limiter.AttemptAcquire(1).IsAcquired);
    }

    [Fact]
    public async Task A_503_gives_up_the_tokens_left_so_parallel_callers_wait_for_the_refill()
    {
        using var limiter = PacingHandler.CreateLimiter(0.0001, 50);
        using var invoker = new HttpMessageInvoker(new PacingHandler(limiter)
        {
            InnerHandler = new TestSupport.MockHandler((_, _) => TestSupport.Responses.QueryLimit()),
        });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://example.bitrix24.com/rest/user.get"), default);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_waiting_request_can_be_cancelled()
    {
        using var limiter = PacingHandler.CreateLimiter(0.0001, 1);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(1, cancel.Token));
    }
}
