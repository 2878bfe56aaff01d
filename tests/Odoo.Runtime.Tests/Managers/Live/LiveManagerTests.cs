using System.Text.Json;
using Odoo.Domains;
using Odoo.Testing;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Managers.Live;

/// <summary>Managers against Odoo.Testing over loopback HTTP, with generated records; round trips from the server's log.</summary>
public sealed class LiveManagerTests
{
    // ORM requests in the server's log (it logs each request before answering it).
    private static Task<int> OrmCalls(OdooTestServer server, string? model = null) =>
        Task.FromResult(server.CountRequests(r => r.Model is not null && (model is null || r.Model == model)));

    private static Task<int> Calls(OdooTestServer server, string model, string method) => Task.FromResult(server.CountCalls(model, method));

    // A request whose connection the server drops may reach the log just after the client sees the
    // failure: wait for it, then give a (wrong) second attempt time to show up too.
    private static Task<int> SettledCalls(OdooTestServer server, string model, string method) =>
        server.WaitForCallsAsync(model, method, atLeast: 1, settle: TimeSpan.FromMilliseconds(200));

    private static IEnumerable<object> Vouchers(int count, int tierCount = 0) =>
        Enumerable.Range(1, count).Select(i => tierCount == 0
            ? (object)new { code = $"V{i:D5}", allowed_uses = i % 7 }
            : new { code = $"V{i:D5}", allowed_uses = i % 7, tier_id = 1 + i % tierCount });

    [Fact]
    public async Task Search_of_any_size_is_one_request()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.SeedMany("test.voucher", Vouchers(2_000));
        server.ClearRequests();
        var all = await odoo.Vouchers.SearchAsync(OdooDomain.Where(nameof(Voucher.AllowedUses), ">=", 0), order: "Code desc");
        Assert.Equal(2_000, all.Count);
        Assert.Equal("V02000", all[0].Code);
        Assert.Equal(1, await OrmCalls(server));
        var page = await odoo.Vouchers.SearchAsync(OdooDomain.Equal("Uses", 3), fields: [nameof(Voucher.Code)], order: "Id", limit: 5, offset: 2);
        Assert.Equal(["V00017", "V00024", "V00031", "V00038", "V00045"], page.Select(v => v.Code));
        Assert.Throws<OdooFieldNotLoadedException>(() => page[0].AllowedUses);
        Assert.Equal(2, await OrmCalls(server));
        Assert.Equal("search_read", server.Requests.Last().Method);
    }

    [Fact]
    public async Task Many2one_loaded_for_500_records_is_one_request()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.SeedMany("test.tier", Enumerable.Range(1, 10).Select(i => (object)new { name = "Tier " + i }));
        server.SeedMany("test.voucher", Vouchers(500, tierCount: 10));
        var vouchers = await odoo.Vouchers.SearchAsync();
        server.ClearRequests();
        await vouchers.LoadAsync(Voucher.Relations.Tier);
        Assert.Equal(1, await OrmCalls(server, "test.tier"));
        Assert.Equal(1, await Calls(server, "test.tier", "read"));
        Assert.All(vouchers, v => Assert.Equal("Tier " + v.Tier!.Id, v.Tier.Name));
        // Cached on each record: the generated loader makes no request now.
        Assert.Same(vouchers[3].Tier, await vouchers[3].LoadTierAsync());
        await vouchers.LoadAsync(Voucher.Relations.Tier);
        Assert.Equal(1, await OrmCalls(server, "test.tier"));
    }

    [Fact]
    public async Task Concurrent_loads_of_one_relation_share_one_request()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" }, new { name = "Silver" });
        server.SeedMany("test.voucher", Vouchers(50, tierCount: 2));
        var vouchers = await odoo.Vouchers.SearchAsync();
        server.ClearRequests();
        server.Faults.Add(OdooFault.Delay(TimeSpan.FromMilliseconds(200))).For(model: "test.tier", method: "read");
        await Task.WhenAll(
            vouchers.LoadAsync(Voucher.Relations.Tier),
            vouchers.LoadAsync(Voucher.Relations.Tier),
            vouchers[0].LoadTierAsync().AsTask(),
            vouchers.Take(10).LoadAsync(Voucher.Relations.Tier));
        Assert.Equal(1, await Calls(server, "test.tier", "read"));
    }

    [Fact]
    public async Task Search_include_reads_each_related_model_once()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" });
        server.Seed("test.member", new { name = "Ann" }, new { name = "Bob" }, new { name = "Cy" });
        server.Seed("test.voucher",
            new { code = "A", tier_id = 1, member_ids = new[] { 1, 2 } },
            new { code = "B", tier_id = 1, member_ids = new[] { 2, 3 } },
            new { code = "C", member_ids = Array.Empty<int>() });
        server.ClearRequests();
        var vouchers = await odoo.Vouchers.SearchAsync(
            fields: ["Code"], order: "Code",
            include: [OdooInclude.Of(Voucher.Relations.Tier), OdooInclude.Of(Voucher.Relations.Members)]);
        Assert.Equal(3, await OrmCalls(server));
        Assert.Equal(["Bob", "Cy"], vouchers[1].Members.Select(m => m.Name));
        Assert.Null(vouchers[2].Tier);
        Assert.Empty(vouchers[2].Members);
    }

    [Fact]
    public async Task Streaming_10000_records_takes_ceil_n_over_batch_requests()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.SeedMany("test.voucher", Vouchers(10_000));
        server.ClearRequests();
        var count = 0;
        var last = 0;
        await foreach (var v in odoo.Vouchers.StreamAsync(fields: ["Code"], batchSize: 500))
        {
            Assert.True(v.Id > last);
            last = v.Id;
            count++;
        }
        Assert.Equal(10_000, count);
        Assert.Equal(20, await OrmCalls(server)); // ceil(10,000 / 500)

        server.ClearRequests();
        count = 0;
        await foreach (var v in odoo.Vouchers.StreamAsync(OdooDomain.Equal("AllowedUses", 0), batchSize: 300)) count++;
        Assert.Equal(10_000 / 7, count);
        Assert.Equal((int)Math.Ceiling(count / 300.0), await OrmCalls(server));
    }

    [Fact]
    public async Task A_stream_neither_fails_nor_repeats_when_records_are_deleted_between_pages()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        var ids = server.SeedMany("test.voucher", Vouchers(1_000));
        var deleted = new HashSet<int> { ids[250], ids[251], ids[400], ids[999] };
        var seen = new List<int>();
        await foreach (var v in odoo.Vouchers.StreamAsync(batchSize: 100))
        {
            seen.Add(v.Id);
            if (seen.Count == 150)
            {
                server.Unlink("test.voucher", ids[10], ids[149]); // already streamed
                server.Unlink("test.voucher", [.. deleted]);        // not read yet
                server.Create("test.voucher", new { code = "LATE" }); // appears at the end
            }
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(1_000 - deleted.Count + 1, seen.Count);
        Assert.DoesNotContain(seen, deleted.Contains);
    }

    [Fact]
    public async Task Not_found_and_multiple_found_messages()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" }, new { name = "Gold" }, new { name = "Silver" });
        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Tiers.GetAsync(42));
        Assert.Equal("Tier record not found with ID: 42", ex.Message);
        Assert.Null(await odoo.Tiers.FindAsync(42));
        var list = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Tiers.ListAsync([12, 3, 7, 1, 7]));
        Assert.Equal("Tier records with IDs not found: 7, 12", list.Message);
        Assert.Equal([1, 3], (await odoo.Tiers.ListExistingAsync([12, 3, 7, 1])).Select(t => t.Id).Order());
        var many = await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => odoo.Tiers.FindByNameAsync("Gold"));
        Assert.Equal("Multiple Tier records found with 'Name' value \"Gold\" when only one was expected: 1, 2", many.Message);
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Tiers.GetByNameAsync("Bronze"));
        Assert.Equal("Tier record not found with 'Name' value: Bronze", none.Message);
        Assert.Equal(3, (await odoo.Tiers.GetByNameAsync("Silver")).Id);
        server.Seed("test.voucher", new { code = "WELCOME10" });
        Assert.Equal("WELCOME10", (await odoo.Vouchers.GetByCodeAsync("WELCOME10", fields: ["Code"])).Code);
        Assert.Null(await odoo.Vouchers.FindByCodeAsync("NOPE"));
        var empty = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Vouchers.GetByUniqueFieldAsync("Code", "NOPE", OdooDomain.Equal("Uses", 0)));
        Assert.Equal("Voucher record not found with 'Code' value: NOPE", empty.Message);
    }

    [Fact]
    public async Task Create_update_delete_with_relation_commands()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" });
        server.Seed("test.member", new { name = "Ann" }, new { name = "Bob" }, new { name = "Cy" });
        var tier = await odoo.Tiers.GetAsync(1);
        var id = await odoo.Vouchers.CreateAsync(new OdooValues
        {
            ["Code"] = "NEW",
            ["Uses"] = 3,
            ["Tier"] = tier,
            ["Members"] = new[] { 1, 2 },
            ["State"] = VoucherState.Expired,
            ["Expiry"] = new DateOnly(2030, 12, 31),
        });
        var v = await odoo.Vouchers.GetAsync(id);
        Assert.Equal(("NEW", 3, 1, VoucherState.Expired, new DateOnly(2030, 12, 31)), (v.Code, v.AllowedUses, v.TierId, v.State, v.Expiry));
        Assert.Equal([1, 2], v.MemberIds);
        Assert.Equal("gone", server.GetValue("test.voucher", id, "state"));

        await odoo.Vouchers.UpdateAsync(id, new OdooValues
        {
            ["Tier"] = null,
            ["Members"] = new object[] { OdooCommand.Unlink(1), OdooCommand.Link(3), OdooCommand.Create(new OdooValues { ["Name"] = "Dee" }) },
        });
        v = await v.RefreshAsync();
        Assert.Null(v.TierId);
        Assert.Equal([2, 3, 4], v.MemberIds);
        await v.UpdateAsync(new OdooValues { ["Members"] = Array.Empty<int>() });
        Assert.Empty((await v.RefreshAsync()).MemberIds);
        await v.UpdateAsync(new OdooValues { ["MemberIds"] = new[] { 3 } });
        await v.UpdateAsync(new OdooValues { ["Members"] = OdooCommand.Clear() });
        Assert.Empty((await v.RefreshAsync()).MemberIds);

        var many = await odoo.Vouchers.CreateManyAsync([new OdooValues { ["Code"] = "M1" }, new OdooValues { ["Code"] = "M2" }]);
        Assert.Equal(2, many.Count);
        server.ClearRequests();
        Assert.Empty(await odoo.Vouchers.CreateManyAsync(Array.Empty<OdooValues>()));
        await odoo.Vouchers.DeleteAsync(Array.Empty<int>());
        await odoo.Vouchers.UpdateAsync(Array.Empty<int>(), new OdooValues { ["Code"] = "x" });
        await Assert.ThrowsAsync<ArgumentException>(() => odoo.Vouchers.CreateAsync(new OdooValues { ["Uses"] = 1, ["AllowedUses"] = 2, ["Code"] = "Z" }));
        Assert.Equal(0, await OrmCalls(server));

        await odoo.Vouchers.DeleteAsync(many);
        await v.DeleteAsync();
        Assert.Equal(0, server.Count("test.voucher"));
        Assert.Equal(2, await OrmCalls(server));
        Assert.Equal(["unlink", "unlink"], server.Requests.Select(r => r.Method));
        var gone = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => v.RefreshAsync());
        Assert.Equal($"Voucher record not found with ID: {id}", gone.Message);
    }

    [Fact]
    public async Task A_create_is_sent_once_even_when_the_answer_is_lost()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Faults.Add(OdooFault.DropConnection()).For(model: "test.voucher", method: "create").Once();
        await Assert.ThrowsAsync<OdooTransportException>(() => odoo.Vouchers.CreateAsync(new OdooValues { ["Code"] = "ONCE" }));
        Assert.Equal(1, await SettledCalls(server, "test.voucher", "create"));
        Assert.Equal(0, server.Count("test.voucher", """[["code","=","ONCE"]]""")); // dropped before the call ran

        // The call runs, then the answer is cut short: the record exists, and the create was not repeated.
        server.ClearRequests();
        server.Faults.Add(OdooFault.TruncatedJson()).For(model: "test.voucher", method: "create").Once();
        await Assert.ThrowsAnyAsync<OdooException>(() => odoo.Vouchers.CreateAsync(new OdooValues { ["Code"] = "TWICE?" }));
        Assert.Equal(1, await SettledCalls(server, "test.voucher", "create"));
        Assert.Equal(1, server.Count("test.voucher", """[["code","=","TWICE?"]]"""));

        // Reads, by contrast, are retried.
        server.ClearRequests();
        server.Faults.Add(OdooFault.DropConnection()).For(model: "test.voucher", method: "search_read").Once();
        Assert.Single(await odoo.Vouchers.SearchAsync());
        Assert.Equal(2, await SettledCalls(server, "test.voucher", "search_read"));

        // The call runs, then the connection drops before the answer: the record exists, the client
        // sees a transport error, and the create is not repeated.
        server.ClearRequests();
        server.Faults.Add(OdooFault.DropConnectionAfterProcessing()).For(model: "test.voucher", method: "create").Once();
        await Assert.ThrowsAsync<OdooTransportException>(() => odoo.Vouchers.CreateAsync(new OdooValues { ["Code"] = "LOST" }));
        Assert.Equal(1, await SettledCalls(server, "test.voucher", "create"));
        Assert.Equal(1, server.Count("test.voucher", """[["code","=","LOST"]]"""));
        Assert.Equal("DropConnectionAfterProcessing", Assert.Single(server.Requests, r => r.Method == "create").Fault);
    }

    [Fact]
    public async Task Dictionaries_ids_and_counts()
    {
        var (server, odoo) = await LiveServer.StartAsync();
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" });
        server.Seed("test.voucher", new { code = "A", tier_id = 1, allowed_uses = 2 }, new { code = "B", allowed_uses = 5 });
        var rows = await odoo.Vouchers.SearchDictionariesAsync(fields: ["Code", "TierId", "Uses"], order: "Code");
        Assert.Equal(["AllowedUses", "Code", "Id", "TierId", "TierName"], rows[0].Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Gold", rows[0]["TierName"].GetString());
        Assert.Equal(JsonValueKind.Null, rows[1]["TierId"].ValueKind); // an empty link: null halves, as ToDictionary gives
        Assert.Equal(JsonValueKind.Null, rows[1]["TierName"].ValueKind);
        var raw = await odoo.Vouchers.ListDictionariesAsync([2], fields: ["Code"], rawNames: true);
        Assert.Equal("B", raw[0]["code"].GetString());
        Assert.Equal([2], await odoo.Vouchers.SearchIdsAsync(OdooDomain.Where("Uses", ">", 2)));
        Assert.Equal(1, await odoo.Vouchers.CountAsync(OdooDomain.Equal("Tier.Name", "Gold")));
        Assert.Equal(1, await odoo.Vouchers.CountAsync(OdooDomain.Equal("TierId", null)));
        Assert.Equal(2, await odoo.Vouchers.CountAsync());
    }

    [Fact]
    public async Task Context_per_client_and_per_call_reaches_relation_loads()
    {
        var (server, odoo) = await LiveServer.StartAsync(context: OdooContext.Empty.WithTimeZone("Pacific/Auckland"));
        await using var _ = server;
        await using var __ = odoo;
        server.Seed("test.tier", new { name = "Gold" });
        server.Seed("test.voucher", new { code = "A", tier_id = 1 });
        var vouchers = await odoo.Vouchers.SearchAsync(context: OdooContext.Empty.WithLang("fr_FR").WithActiveTest(false));
        await vouchers.LoadAsync(Voucher.Relations.Tier);
        Assert.Equal(1, await Calls(server, "test.tier", "read"));
        var load = server.Requests.Last();
        Assert.Equal("test.tier", load.Model);
        var ctx = ContextOf(load);
        Assert.Equal(("fr_FR", "Pacific/Auckland", false), (ctx.GetProperty("lang").GetString(), ctx.GetProperty("tz").GetString(), ctx.GetProperty("active_test").GetBoolean()));
    }

    [Fact]
    public async Task Version_specific_names_match_major_minor()
    {
        var (server, odoo) = await LiveServer.StartAsync(version: "13.0+e");
        await using var _ = server;
        await using var __ = odoo;
        var id = await odoo.Vouchers.CreateAsync(new OdooValues { ["Code"] = "A", ["Kind"] = "old" });
        Assert.Equal("old", server.GetValue("test.voucher", id, "kind_v13"));
        var v = await odoo.Vouchers.GetByUniqueFieldAsync("Kind", "old", fields: ["Kind"]);
        Assert.Equal("old", v.Kind);
    }

    [Fact]
    public async Task Every_operation_works_over_json2_with_named_arguments()
    {
        var (server, odoo) = await LiveServer.StartAsync(version: "19.0", json2: true);
        await using var _ = server;
        await using var __ = odoo;
        Assert.Equal(OdooProtocol.Json2, odoo.Protocol);
        server.Seed("test.tier", new { name = "Gold" });
        server.SeedMany("test.voucher", Vouchers(25, tierCount: 1));
        var id = await odoo.Vouchers.CreateAsync(new OdooValues { ["Code"] = "J2", ["Tier"] = 1, ["Members"] = OdooCommand.Create(new OdooValues { ["Name"] = "Ann" }) });
        Assert.Equal(2, (await odoo.Vouchers.CreateManyAsync([new OdooValues { ["Code"] = "J3" }, new OdooValues { ["Code"] = "J4" }])).Count);
        await odoo.Vouchers.UpdateAsync([id], new OdooValues { ["Uses"] = 9 });
        var v = await odoo.Vouchers.GetByCodeAsync("J2");
        Assert.Equal((9, 1), (v.AllowedUses, v.MemberIds.Count));
        Assert.Equal(28, await odoo.Vouchers.CountAsync());
        Assert.Equal(5, (await odoo.Vouchers.SearchIdsAsync(limit: 5, order: "Code desc")).Count);
        var streamed = 0;
        await foreach (var x in odoo.Vouchers.StreamAsync(batchSize: 10)) streamed++;
        Assert.Equal(28, streamed);
        var all = await odoo.Vouchers.SearchAsync(OdooDomain.Equal("TierId", 1));
        await all.LoadAsync(Voucher.Relations.Tier);
        Assert.All(all, x => Assert.Equal("Gold", x.Tier!.Name));
        await v.DeleteAsync();
        Assert.Null(await odoo.Vouchers.FindAsync(id));
    }

    private static JsonElement ContextOf(OdooRecordedRequest r)
    {
        if (r.Kwargs is { } kw && kw.TryGetProperty("context", out var c)) return c;
        throw new InvalidOperationException("No context in " + r);
    }
}
