using Odoo.Robustness.Tests.Support;
using Odoo.Testing;
using Odoo.Tests.Shared;

namespace Odoo.Robustness.Tests;

/// <summary>A server whose delays run on a clock nobody advances: a delayed request is answered never.</summary>
public sealed class StalledServerFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new();

    public OdooTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestOdoo.StartAsync(60, new OdooTestServerOptions { TimeProvider = Clock });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// A token cancelled while the server is still working ends the call with an
/// <see cref="OperationCanceledException"/> (not a timeout or transport error), and is never retried.
/// No clock is read: the server's delay never ends by itself (its clock stands still), so only the token
/// can end the call before the client's 120 s timeout, which would end it with an
/// <see cref="OdooTransportException"/> instead. The token is cancelled once the server holds the request.
/// </summary>
public sealed class CancellationTests(StalledServerFixture fixture) : IClassFixture<StalledServerFixture>
{
    [Theory]
    [InlineData(Operation.Read)]
    [InlineData(Operation.Search)]
    [InlineData(Operation.Stream)]
    [InlineData(Operation.Create)]
    [InlineData(Operation.Write)]
    public async Task Cancelling_during_a_server_delay_ends_the_call_with_the_token(Operation op)
    {
        var server = fixture.Server;
        server.Faults.Clear();
        // Default 120 s timeout and read retries on: only the token can end the call early.
        await using var odoo = await TestOdoo.ConnectAsync(server, o => o.MaxReadRetries = 2);
        await Operations.RunAsync(odoo, op);
        server.ClearRequests();
        var marker = Operations.NewMarker();
        var rule = server.Faults.Add(OdooFault.Delay(TimeSpan.FromHours(1))).For(model: TestOdoo.ReferralModel, method: op.Method()).Skip(op.RequestsBeforeFault()).Once();

        using var cts = new CancellationTokenSource();
        var call = Operations.RunAsync(odoo, op, cts.Token, marker);
        Assert.Equal(TimeSpan.FromHours(1), await fixture.Clock.NextTimerAsync()); // the server holds the request
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();
        var error = await Record.ExceptionAsync(() => call);
        server.Faults.Clear();

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, rule.Applied);
        var expected = op.RequestsBeforeFault() + 1;
        Assert.Equal(expected, await TestOdoo.SettledCallCountAsync(server, op.Method(), expected));
        Assert.Equal(0, fixture.Clock.PendingTimers); // the aborted request stopped waiting on the server
        // The delay came before the ORM ran, so the create or write never happened.
        Assert.Equal(0, Operations.CountMarker(server, op, marker));
    }

    [Fact]
    public async Task Cancelling_during_the_retry_back_off_ends_the_call_before_the_retry()
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server, o =>
        {
            o.MaxReadRetries = 3;
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.ReadRetryBudget = TimeSpan.FromMinutes(5);
        });
        server.ClearRequests();
        server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: TestOdoo.ReferralModel, method: "read");
        using var cts = new CancellationTokenSource();
        var call = Operations.RunAsync(odoo, Operation.Read, cts.Token);
        // The first attempt was answered 503; the client is now in its 30 s back-off.
        Assert.Equal(1, await server.WaitForCallsAsync(TestOdoo.ReferralModel, "read", 1));
        await cts.CancelAsync();
        var error = await Record.ExceptionAsync(() => call);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        // Ignoring the token would have meant three more attempts (and a transport error after 90 s).
        Assert.Equal(1, await TestOdoo.SettledCallCountAsync(server, "read", 1));
        server.Faults.Clear();
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_sends_nothing()
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server);
        server.ClearRequests();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        foreach (var op in Enum.GetValues<Operation>())
        {
            var marker = Operations.NewMarker();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Operations.RunAsync(odoo, op, cts.Token, marker));
            Assert.Equal(0, Operations.CountMarker(server, op, marker));
        }
        Assert.Equal(0, await server.WaitForRequestsAsync(r => r.Model == TestOdoo.ReferralModel, 1, timeout: TimeSpan.FromMilliseconds(100)));
    }
}
