using Odoo.Robustness.Tests.Support;
using Odoo.Testing;

namespace Odoo.Robustness.Tests;

/// <summary>The fault kinds of the matrix.</summary>
public enum FaultKind
{
    /// <summary>The server waits past the client's timeout.</summary>
    DelayPastTimeout,
    /// <summary>The server drops the connection without an answer.</summary>
    DroppedConnection,
    /// <summary>HTTP 500 with an HTML page.</summary>
    Http500,
    /// <summary>HTTP 502 (a proxy in front of a dead Odoo).</summary>
    Http502,
    /// <summary>HTTP 503.</summary>
    Http503,
    /// <summary>HTTP 200 with an HTML page where JSON was expected.</summary>
    HtmlBody,
    /// <summary>The call runs, then only half of the JSON answer arrives.</summary>
    TruncatedJson,
    /// <summary>Odoo's session-expired error (JSON-RPC code 100).</summary>
    SessionExpired,
    /// <summary>Odoo's AccessDenied, as if the credentials were revoked in the middle of the run.</summary>
    AccessDenied,
}

/// <summary>One server (36 models, 60 referral codes) for the whole matrix; cases run one after another.</summary>
public sealed class FaultServerFixture : IAsyncLifetime
{
    public OdooTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestOdoo.StartAsync(60);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Every fault kind crossed with read, search, stream, create and write, with and without read
/// retries. Each call either ends in the documented typed exception or, for a read with retries
/// and a transient fault, succeeds on the retry with the right data. The server's request log
/// proves creates and writes are sent exactly once, and its store that their effect matches what
/// the client reported (each create and write carries a value no other record holds). Each case first runs the operation once
/// successfully, so the fault hits a client in the middle of a run (the stream fails on its
/// second page, after yielding the first ten records).
/// </summary>
public sealed class FaultMatrixTests(FaultServerFixture fixture) : IClassFixture<FaultServerFixture>
{
    /// <summary>
    /// The client timeout of the matrix: short, so delay cases are quick, but long enough that a
    /// healthy request on a loaded 2-core CI machine (test projects run in parallel) never hits it.
    /// </summary>
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    public static TheoryData<FaultKind, Operation, bool> Matrix()
    {
        var data = new TheoryData<FaultKind, Operation, bool>();
        foreach (var fault in Enum.GetValues<FaultKind>())
            foreach (var op in Enum.GetValues<Operation>())
                foreach (var retries in (bool[])[false, true])
                    data.Add(fault, op, retries);
        return data;
    }

    private static OdooFault Fault(FaultKind kind) => kind switch
    {
        // Cancelled on the server as soon as the client gives up (the request is aborted).
        FaultKind.DelayPastTimeout => OdooFault.Delay(TimeSpan.FromSeconds(30)),
        FaultKind.DroppedConnection => OdooFault.DropConnection(),
        FaultKind.Http500 => OdooFault.InternalServerError(),
        FaultKind.Http502 => OdooFault.BadGateway(),
        FaultKind.Http503 => OdooFault.ServiceUnavailable(),
        FaultKind.HtmlBody => OdooFault.Html(),
        FaultKind.TruncatedJson => OdooFault.TruncatedJson(),
        FaultKind.SessionExpired => OdooFault.SessionExpired(),
        FaultKind.AccessDenied => OdooFault.AccessDenied(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Faults after which a read may be repeated: no answer, a timeout, or a 5xx status.</summary>
    private static bool IsTransient(FaultKind kind) =>
        kind is FaultKind.DelayPastTimeout or FaultKind.DroppedConnection or FaultKind.Http500 or FaultKind.Http502 or FaultKind.Http503;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_fault_ends_in_its_typed_exception_or_a_successful_retry(FaultKind fault, Operation op, bool retries)
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server, o =>
        {
            o.Timeout = ClientTimeout;
            o.MaxReadRetries = retries ? 2 : 0;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });

        // The run: the operation works once, then the fault hits the same operation.
        var healthy = Operations.NewMarker();
        await Operations.RunAsync(odoo, op, marker: healthy);
        if (!op.IsRead()) Assert.Equal(1, Operations.CountMarker(server, op, healthy));
        server.ClearRequests();
        var rule = server.Faults.Add(Fault(fault)).For(model: TestOdoo.ReferralModel, method: op.Method()).Skip(op.RequestsBeforeFault()).Once();

        var marker = Operations.NewMarker();
        var error = await Record.ExceptionAsync(() => Operations.RunAsync(odoo, op, marker: marker));
        server.Faults.Clear();
        Assert.Equal(1, rule.Applied);

        // Odoo refuses an expired session before it runs the call: the client opens a new session once and
        // sends the call again, writes included. Transient faults are retried for reads only.
        var renews = fault == FaultKind.SessionExpired;
        var recovers = renews || (retries && op.IsRead() && IsTransient(fault));
        int expectedRequests;
        if (recovers)
        {
            Assert.Null(error);
            expectedRequests = op.RequestsWhenHealthy() + 1; // the faulted attempt, then the retry
            Assert.Equal(renews ? 1 : 0, server.CountRequests(r => r.Path == "/web/session/authenticate"));
        }
        else
        {
            AssertTyped(fault, op, error);
            expectedRequests = op.RequestsBeforeFault() + 1; // nothing after the failed request, and never a second attempt
        }
        Assert.Equal(expectedRequests, await TestOdoo.SettledCallCountAsync(server, op.Method(), expectedRequests));
        if (!op.IsRead()) AssertEffect(fault, op, error, Operations.CountMarker(server, op, marker));

        // The client is still usable after the fault.
        var after = Operations.NewMarker();
        await Operations.RunAsync(odoo, op, marker: after);
        if (!op.IsRead()) Assert.Equal(1, Operations.CountMarker(server, op, after));
    }

    /// <summary>
    /// What a create or write left in the server's store (<paramref name="found"/>: records carrying its marker)
    /// matches what the client reported: success means it is there exactly once; a transport or protocol error
    /// (no answer, a proxy's status page, half an answer) means it may have run, so 0 or 1 (never 2); a server
    /// error that refuses the call (access denied) means it did not run. And the stand-in did what its fault says:
    /// every fault but the truncated answer stops the request before the ORM runs (an expired session is then
    /// renewed and the call sent again).
    /// </summary>
    private static void AssertEffect(FaultKind fault, Operation op, Exception? error, int found)
    {
        int[] allowed = error switch
        {
            null => [1],
            OdooTransportException or OdooProtocolException => [0, 1],
            OdooServerException => [0],
            _ => throw new InvalidOperationException($"unexpected error {error}"),
        };
        Assert.True(allowed.Contains(found), $"{op} after {fault}: {found} records carry the marker, the client reported {error?.GetType().Name ?? "success"}");
        // A half-sent answer comes after the ORM ran; an expired session is refused before it runs, then the client
        // logs in again and sends the call once more, which runs.
        Assert.Equal(fault is FaultKind.TruncatedJson or FaultKind.SessionExpired ? 1 : 0, found);
    }

    private static void AssertTyped(FaultKind fault, Operation op, Exception? error)
    {
        Assert.NotNull(error);
        switch (fault)
        {
            case FaultKind.DelayPastTimeout:
            {
                var t = Assert.IsType<OdooTransportException>(error);
                Assert.True(t.IsTimeout, t.Message);
                Assert.Null(t.StatusCode);
                break;
            }
            case FaultKind.DroppedConnection:
            {
                var t = Assert.IsType<OdooTransportException>(error);
                Assert.False(t.IsTimeout, t.Message);
                Assert.Null(t.StatusCode);
                break;
            }
            case FaultKind.Http500 or FaultKind.Http502 or FaultKind.Http503:
            {
                // A 503 (a restarting server, or its proxy) has its own type: a transport error that is transient.
                var t = fault == FaultKind.Http503 ? Assert.IsType<OdooServerUnavailableException>(error) : Assert.IsType<OdooTransportException>(error);
                Assert.False(t.IsTimeout, t.Message);
                Assert.Equal(fault switch { FaultKind.Http500 => 500, FaultKind.Http502 => 502, _ => 503 }, t.StatusCode);
                break;
            }
            case FaultKind.HtmlBody or FaultKind.TruncatedJson:
                Assert.IsType<OdooProtocolException>(error);
                break;
            case FaultKind.AccessDenied:
                Assert.IsType<OdooAccessDeniedException>(error);
                break;
        }
        // Every typed exception names the call it came from.
        var odooError = Assert.IsAssignableFrom<OdooException>(error);
        Assert.Equal(TestOdoo.ReferralModel, odooError.Model);
        Assert.Equal(op.Method(), odooError.Method);
    }

    [Theory]
    [InlineData(FaultKind.Http503)]
    [InlineData(FaultKind.DroppedConnection)]
    [InlineData(FaultKind.DelayPastTimeout)]
    public async Task A_read_gives_up_after_MaxReadRetries_and_reports_the_last_failure(FaultKind fault)
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server, o =>
        {
            o.Timeout = ClientTimeout;
            o.MaxReadRetries = 2;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        server.ClearRequests();
        server.Faults.Add(Fault(fault)).For(model: TestOdoo.ReferralModel, method: "read");
        var error = await Record.ExceptionAsync(() => Operations.RunAsync(odoo, Operation.Read));
        server.Faults.Clear();
        AssertTyped(fault, Operation.Read, error);
        Assert.Equal(3, await TestOdoo.SettledCallCountAsync(server, "read", 3));
    }

    [Fact]
    public async Task A_create_whose_answer_was_cut_short_is_not_repeated_even_though_it_ran()
    {
        var server = fixture.Server;
        server.Faults.Clear();
        await using var odoo = await TestOdoo.ConnectAsync(server, o => o.MaxReadRetries = 2);
        var before = server.Count(TestOdoo.ReferralModel);
        server.ClearRequests();
        server.Faults.Add(OdooFault.TruncatedJson()).For(model: TestOdoo.ReferralModel, method: "create").Once();
        var marker = Operations.NewMarker();
        await Assert.ThrowsAsync<OdooProtocolException>(() => Operations.RunAsync(odoo, Operation.Create, marker: marker));
        Assert.Equal(1, await TestOdoo.SettledCallCountAsync(server, "create", 1));
        // The server did create it: the caller must treat a failed create as "maybe created", and the client never doubles it.
        Assert.Equal(before + 1, server.Count(TestOdoo.ReferralModel));
        Assert.Equal(1, Operations.CountMarker(server, Operation.Create, marker));
    }
}
