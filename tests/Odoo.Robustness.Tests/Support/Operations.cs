using System.Globalization;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Testing;

namespace Odoo.Robustness.Tests.Support;

/// <summary>The five operations of the fault matrix.</summary>
public enum Operation
{
    /// <summary><c>GetAsync</c>: one <c>read</c>.</summary>
    Read,
    /// <summary><c>SearchAsync</c>: one <c>search_read</c>.</summary>
    Search,
    /// <summary><c>StreamAsync</c>: 50 records in pages of 10 (five <c>search_read</c>s).</summary>
    Stream,
    /// <summary><c>CreateAsync</c>: one <c>create</c>.</summary>
    Create,
    /// <summary><c>UpdateAsync</c>: one <c>write</c>.</summary>
    Write,
}

internal static class Operations
{
    /// <summary>Referral codes 1..<see cref="StreamedCount"/> are streamed; the seeded data must hold at least these.</summary>
    public const int StreamedCount = 50;

    public const int StreamBatch = 10;

    /// <summary>The record the write operation updates.</summary>
    public const int WriteTarget = 7;

    public static bool IsRead(this Operation op) => op is Operation.Read or Operation.Search or Operation.Stream;

    /// <summary>The ORM method the operation sends.</summary>
    public static string Method(this Operation op) => op switch
    {
        Operation.Read => "read",
        Operation.Search or Operation.Stream => "search_read",
        Operation.Create => "create",
        Operation.Write => "write",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The requests the operation sends when nothing fails.</summary>
    public static int RequestsWhenHealthy(this Operation op) => op == Operation.Stream ? StreamedCount / StreamBatch : 1;

    /// <summary>How many of its requests the fault lets through first (the stream fails on its second page).</summary>
    public static int RequestsBeforeFault(this Operation op) => op == Operation.Stream ? 1 : 0;

    private static int _lastMarker = 1_000_000;

    /// <summary>
    /// A value no record holds yet: a create puts <c>NEW-&lt;marker&gt;</c> in its code and a write puts the marker in
    /// <c>referral_credit_duration</c>, so the server's store shows afterwards whether (and how often) it happened.
    /// </summary>
    public static int NewMarker() => Interlocked.Increment(ref _lastMarker);

    /// <summary>The code a create with <paramref name="marker"/> gives its record.</summary>
    public static string CreatedCode(int marker) => "NEW-" + marker.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// How many records of the server's store carry what <paramref name="op"/> with <paramref name="marker"/> writes:
    /// the created code, or the written value (on <see cref="WriteTarget"/>, the only record a write touches); 0 for reads.
    /// </summary>
    public static int CountMarker(OdooTestServer server, Operation op, int marker) => op switch
    {
        Operation.Create => server.Count(TestOdoo.ReferralModel, $"[[\"code\", \"=\", \"{CreatedCode(marker)}\"]]"),
        Operation.Write => server.Count(TestOdoo.ReferralModel, $"[[\"referral_credit_duration\", \"=\", {marker.ToString(CultureInfo.InvariantCulture)}]]"),
        _ => 0,
    };

    /// <summary>Runs the operation and checks that what came back is what was asked for.</summary>
    /// <param name="odoo">The client.</param>
    /// <param name="op">The operation.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <param name="marker">For a create or a write, the value it leaves in the store (see <see cref="NewMarker"/>); a new one when null.</param>
    public static async Task RunAsync(OpenStackOdooClient odoo, Operation op, CancellationToken cancellationToken = default, int? marker = null)
    {
        var codes = odoo.ReferralCodes;
        switch (op)
        {
            case Operation.Read:
            {
                var code = await codes.GetAsync(3, cancellationToken: cancellationToken);
                Assert.Equal(3, code.Id);
                Assert.Equal(TestOdoo.CodeOf(3), code.Code);
                break;
            }
            case Operation.Search:
            {
                var found = await codes.SearchAsync(OdooDomain.Where("id", "<=", 20), order: "id", cancellationToken: cancellationToken);
                Assert.Equal(Enumerable.Range(1, 20), found.Select(r => r.Id));
                Assert.All(found, r => Assert.Equal(TestOdoo.CodeOf(r.Id), r.Code));
                break;
            }
            case Operation.Stream:
            {
                var n = 0;
                await foreach (var r in codes.StreamAsync(OdooDomain.Where("id", "<=", StreamedCount), batchSize: StreamBatch, cancellationToken: cancellationToken))
                {
                    n++;
                    Assert.Equal(n, r.Id);
                    Assert.Equal(TestOdoo.CodeOf(n), r.Code);
                }
                Assert.Equal(StreamedCount, n);
                break;
            }
            case Operation.Create:
            {
                var id = await codes.CreateAsync(new Dictionary<string, object?>
                {
                    ["Code"] = CreatedCode(marker ?? NewMarker()),
                    ["AllowedUses"] = 1,
                }, cancellationToken: cancellationToken);
                Assert.True(id > 0);
                break;
            }
            case Operation.Write:
            {
                await codes.UpdateAsync(WriteTarget, new Dictionary<string, object?> { ["ReferralCreditDuration"] = marker ?? NewMarker() }, cancellationToken: cancellationToken);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }
}
