using System.Diagnostics;
using Odoo.Robustness.Tests.Support;
using Odoo.Testing;

namespace Odoo.Robustness.Tests;

/// <summary>
/// A token cancelled while the server is still working ends the call promptly with an
/// <see cref="OperationCanceledException"/> (not a timeout or transport error), and is never retried.
/// The server delays 30 s; the bound checked is 10 s, so a slow machine does not fail the test.
/// </summary>
public sealed class CancellationTests(FaultServerFixture fixture) : IClassFixture<FaultServerFixture>
{
    private static readonly TimeSpan ServerDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(Operation.Read)]
    [InlineData(Operation.Search)]
    [InlineData(Operation.Stream)]
    [InlineData(Operation.Create)]
    [InlineData(Operation.Write)]
    public async Task Cancelling_during_a_server_delay_ends_the_call_promptly(Operation op)
    {
        var server = fixture.Server;
        server.Faults.Clear();
        // Default 120 s timeout and read retries on: only the token can end the call early.
        await using var odoo = await TestOdoo.ConnectAsync(server, o => o.MaxReadRetries = 2);
        await Operations.RunAsync(odoo, op);
        server.ClearRequests();
        server.Faults.Add(OdooFault.Delay(ServerDelay)).For(model: TestOdoo.ReferralModel, method: op.Method()).Skip(op.RequestsBeforeFault()).Once();

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => Operations.RunAsync(odoo, op, cts.Token));
        clock.Stop();
        server.Faults.Clear();

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < Prompt, $"cancellation took {clock.Elapsed}");
        var expected = op.RequestsBeforeFault() + 1;
        Assert.Equal(expected, await TestOdoo.SettledCallCountAsync(server, op.Method(), expected));
    }

    [Fact]
    public async Task Cancelling_during_the_retry_back_off_ends_the_call_promptly()
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server, o =>
        {
            o.MaxReadRetries = 3;
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.ReadRetryBudget = TimeSpan.FromMinutes(5);
        });
        server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: TestOdoo.ReferralModel, method: "read");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => Operations.RunAsync(odoo, Operation.Read, cts.Token));
        clock.Stop();
        server.Faults.Clear();
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < Prompt, $"cancellation took {clock.Elapsed}");
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
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Operations.RunAsync(odoo, op, cts.Token));
        }
        await Task.Delay(100);
        Assert.Equal(0, server.CountRequests(r => r.Model == TestOdoo.ReferralModel));
    }
}
