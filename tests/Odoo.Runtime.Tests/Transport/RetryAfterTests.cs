using System.Diagnostics;
using System.Net.Http.Headers;
using Odoo.Transport;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// An HTTP 429 or 503 with <c>Retry-After</c> (seconds or an HTTP date): a read waits at least that long before its
/// retry, within <see cref="OdooClientOptions.ReadRetryBudget"/>; past the budget it fails at once with the wait on
/// the exception; a write is never resent.
/// </summary>
public sealed class RetryAfterTests
{
    private static HttpResponseMessage Refused(int status, Action<HttpResponseHeaders> headers)
    {
        var response = FakeOdoo.Text("<html><body>Slow down</body></html>", status, "text/html");
        headers(response.Headers);
        return response;
    }

    /// <summary>Answers the first execute_kw with <paramref name="first"/> and every later one with <paramref name="then"/>.</summary>
    private static FakeOdoo FirstThen(Func<HttpResponseMessage> first, string then)
    {
        var calls = 0;
        return new FakeOdoo
        {
            ExecuteKw = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? first() : FakeOdoo.RpcResult(then)),
        };
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_read_waits_the_seconds_the_server_asked_for_then_retries(int status)
    {
        var model = "retry.after.s" + status;
        var delays = new List<int>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Odoo.Runtime",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("odoo.model") as string != model) return;
                lock (delays) delays.AddRange(a.Events.Where(e => e.Name == "retry").Select(e => (int)e.Tags.First(t => t.Key == "odoo.retry.delay_ms").Value!));
            },
        };
        ActivitySource.AddActivityListener(listener);
        var fake = FirstThen(() => Refused(status, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1))), "7");
        await using var client = await fake.ConnectAsync(o => o.RetryDelay = TimeSpan.FromMilliseconds(1));

        Assert.Equal(7, await client.Model(model).SearchCountAsync());

        Assert.Equal(2, fake.ExecuteKwRequests.Count());
        lock (delays) Assert.True(Assert.Single(delays) >= 1000, $"the retry waited {delays[0]} ms, not the 1 s the server asked for");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_wait_past_the_read_retry_budget_fails_at_once_and_says_how_long_the_server_asked(int status)
    {
        var fake = FirstThen(() => Refused(status, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))), "7");
        await using var client = await fake.ConnectAsync(o => o.ReadRetryBudget = TimeSpan.FromSeconds(15));

        var ex = await Assert.ThrowsAnyAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync());

        Assert.Single(fake.ExecuteKwRequests);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("The server asked to wait 120 s before retrying (Retry-After).", ex.Message);
        Assert.Equal(status == 503, ex is OdooServerUnavailableException);
    }

    [Fact]
    public async Task A_retry_after_date_is_the_wait_until_that_date()
    {
        var fake = FirstThen(() => Refused(503, h => h.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddHours(1))), "7");
        await using var client = await fake.ConnectAsync();

        var ex = await Assert.ThrowsAsync<OdooServerUnavailableException>(() => client.Model("res.partner").SearchCountAsync());

        Assert.Single(fake.ExecuteKwRequests);
        Assert.InRange(ex.RetryAfter!.Value, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public void Retry_after_values()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(30), HttpAnswer.RetryAfterOf(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), now));
        Assert.Equal(TimeSpan.FromSeconds(90), HttpAnswer.RetryAfterOf(new RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, HttpAnswer.RetryAfterOf(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(HttpAnswer.RetryAfterOf(null, now));
        // Parsed from the header text as a server sends it.
        Assert.True(RetryConditionHeaderValue.TryParse("Fri, 04 Dec 2026 12:02:00 GMT", out var date));
        Assert.Equal(TimeSpan.FromMinutes(2), HttpAnswer.RetryAfterOf(date, now));
    }

    [Fact]
    public async Task A_write_answered_429_is_sent_once_and_carries_the_wait()
    {
        var fake = FirstThen(() => Refused(429, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero)), "42");
        await using var client = await fake.ConnectAsync();

        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").CreateAsync(new Dictionary<string, object?> { ["name"] = "x" }));

        Assert.Single(fake.ExecuteKwRequests);
        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_on_another_status_is_ignored()
    {
        var fake = FirstThen(() => Refused(500, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(600))), "7");
        await using var client = await fake.ConnectAsync();

        Assert.Equal(7, await client.Model("res.partner").SearchCountAsync());
        Assert.Equal(2, fake.ExecuteKwRequests.Count());
    }
}
