using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Domains;
using Odoo.Runtime.Tests.Managers.Live;
using Odoo.Testing;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Managers;

/// <summary>
/// The wire shape of each ORM method, once: what the server receives (JSON-RPC positional arguments and keywords,
/// JSON-2 body) when a manager and the raw client make the same call. Both send exactly the same request, and the
/// same checks apply before anything is sent.
/// </summary>
public sealed class OrmWireShapeTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>"method args kwargs" of the ORM calls logged since the last clear; the context is left out.</summary>
    private static List<string> Calls(OdooTestServer server) =>
        [.. server.Requests.Where(r => r.Model is not null && r.Method is not null).Select(r =>
            $"{r.Method} {(r.Args is { } a ? JsonNode.Parse(a.GetRawText())!.ToJsonString(Readable) : "-")} {WithoutContext(r.Kwargs)}")];

    private static string WithoutContext(JsonElement? kwargs)
    {
        var o = new JsonObject();
        if (kwargs is { ValueKind: JsonValueKind.Object } k)
        {
            foreach (var p in k.EnumerateObject().Where(p => p.Name != "context")) o[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        }
        return o.ToJsonString(Readable);
    }

    /// <summary>Runs <paramref name="action"/>, which must send one call, and returns it.</summary>
    private static async Task<string> OneCallAsync(OdooTestServer server, Func<Task> action)
    {
        server.ClearRequests();
        await action();
        return Assert.Single(Calls(server));
    }

    /// <summary>Runs <paramref name="viaManager"/> and <paramref name="viaRaw"/>; both must send one call, the same, which is returned.</summary>
    private static async Task<string> SameCallAsync(OdooTestServer server, Func<Task> viaManager, Func<Task> viaRaw)
    {
        var manager = await OneCallAsync(server, viaManager);
        var raw = await OneCallAsync(server, viaRaw);
        Assert.Equal(manager, raw);
        return manager;
    }

    private static async Task<(OdooTestServer Server, OdooClient Odoo, int[] Ids)> StartAsync(bool json2)
    {
        var (server, odoo) = await LiveServer.StartAsync(version: json2 ? "19.0" : "18.0", json2: json2);
        var ids = server.SeedMany("test.voucher", [new { code = "V1", allowed_uses = 1 }, new { code = "V2", allowed_uses = 2 }]).ToArray();
        return (server, odoo, ids);
    }

    [Fact]
    public async Task Each_method_has_one_json_rpc_shape_required_arguments_positional_optional_ones_by_keyword_when_set()
    {
        var (server, odoo, ids) = await StartAsync(json2: false);
        await using var _ = server;
        await using var __ = odoo;
        var vouchers = odoo.Vouchers;
        var raw = odoo.Model("test.voucher");
        var (a, b) = (ids[0], ids[1]);

        Assert.Equal($"read [[{a},{b}]] {{\"fields\":[\"code\"]}}", await SameCallAsync(server,
            () => vouchers.ListAsync([a, b], [nameof(Voucher.Code)]),
            () => raw.ReadAsync([a, b], ["code"])));

        Assert.Equal("""search_read [[["code","=","V1"]]] {"fields":["code"],"offset":2,"limit":5,"order":"code desc"}""", await SameCallAsync(server,
            () => vouchers.SearchAsync(OdooDomain.Equal(nameof(Voucher.Code), "V1"), [nameof(Voucher.Code)], "Code desc", 5, 2),
            () => raw.SearchReadAsync(OdooDomain.Equal("code", "V1"), ["code"], "code desc", 5, 2)));
        Assert.Equal("""search_read [[]] {"fields":["code"]}""", await SameCallAsync(server,
            () => vouchers.SearchAsync(fields: [nameof(Voucher.Code)]),
            () => raw.SearchReadAsync(fields: ["code"])));

        Assert.Equal("""search [[["code","=","V1"]]] {"offset":2,"limit":5,"order":"code desc"}""", await SameCallAsync(server,
            () => vouchers.SearchIdsAsync(OdooDomain.Equal(nameof(Voucher.Code), "V1"), "Code desc", 5, 2),
            () => raw.SearchAsync(OdooDomain.Equal("code", "V1"), "code desc", 5, 2)));
        Assert.Equal("search [[]] {}", await SameCallAsync(server, () => vouchers.SearchIdsAsync(), () => raw.SearchAsync()));

        Assert.Equal("""search_count [[["code","=","V1"]]] {}""", await SameCallAsync(server,
            () => vouchers.CountAsync(OdooDomain.Equal(nameof(Voucher.Code), "V1")),
            () => raw.SearchCountAsync(OdooDomain.Equal("code", "V1"))));

        // Values differ (the code is unique), the shape does not.
        Assert.Equal("""create [{"code":"C1"}] {}""", await OneCallAsync(server, () => vouchers.CreateAsync(new OdooValues { [nameof(Voucher.Code)] = "C1" })));
        Assert.Equal("""create [{"code":"C2"}] {}""", await OneCallAsync(server, () => raw.CreateAsync(new Dictionary<string, object?> { ["code"] = "C2" })));

        Assert.Equal("""create [[{"code":"M1"},{"code":"M2"}]] {}""", await OneCallAsync(server,
            () => vouchers.CreateManyAsync([new OdooValues { [nameof(Voucher.Code)] = "M1" }, new OdooValues { [nameof(Voucher.Code)] = "M2" }])));
        Assert.Equal("""create [[{"code":"M3"},{"code":"M4"}]] {}""", await OneCallAsync(server,
            () => raw.CreateManyAsync([new Dictionary<string, object?> { ["code"] = "M3" }, new Dictionary<string, object?> { ["code"] = "M4" }])));

        Assert.Equal($"write [[{a}],{{\"allowed_uses\":3}}] {{}}", await SameCallAsync(server,
            () => vouchers.UpdateAsync(a, new OdooValues { [nameof(Voucher.AllowedUses)] = 3 }),
            () => raw.WriteAsync([a], new Dictionary<string, object?> { ["allowed_uses"] = 3 })));

        Assert.Equal($"unlink [[{a}]] {{}}", await OneCallAsync(server, () => vouchers.DeleteAsync(a)));
        Assert.Equal($"unlink [[{b}]] {{}}", await OneCallAsync(server, () => raw.UnlinkAsync([b])));

        // The raw client's own methods.
        server.ClearRequests();
        await raw.FieldsGetAsync(["type"]);
        await raw.NameSearchAsync("V", limit: 5);
        Assert.Equal(["""fields_get [] {"attributes":["type"]}""", """name_search ["V",[],"ilike",5] {}"""], Calls(server));
    }

    [Fact]
    public async Task Over_json2_every_argument_is_sent_by_its_odoo_19_name()
    {
        var (server, odoo, ids) = await StartAsync(json2: true);
        await using var _ = server;
        await using var __ = odoo;
        var raw = odoo.Model("test.voucher");
        var a = ids[0];

        Assert.Equal($"read - {{\"ids\":[{a}],\"fields\":[\"code\"]}}", await SameCallAsync(server,
            () => odoo.Vouchers.ListAsync([a], [nameof(Voucher.Code)]),
            () => raw.ReadAsync([a], ["code"])));
        Assert.Equal("""search_read - {"domain":[],"fields":["code"],"limit":1}""", await SameCallAsync(server,
            () => odoo.Vouchers.SearchAsync(fields: [nameof(Voucher.Code)], limit: 1),
            () => raw.SearchReadAsync(fields: ["code"], limit: 1)));
        Assert.Equal($"write - {{\"ids\":[{a}],\"vals\":{{\"allowed_uses\":4}}}}", await SameCallAsync(server,
            () => odoo.Vouchers.UpdateAsync(a, new OdooValues { [nameof(Voucher.AllowedUses)] = 4 }),
            () => raw.WriteAsync([a], new Dictionary<string, object?> { ["allowed_uses"] = 4 })));
        server.ClearRequests();
        await raw.NameSearchAsync("V", limit: 5);
        Assert.Equal(["""name_search - {"name":"V","domain":[],"operator":"ilike","limit":5}"""], Calls(server));
    }

    [Fact]
    public async Task Empty_id_lists_send_nothing_and_a_negative_limit_is_refused_the_same_way_by_managers_and_the_raw_client()
    {
        var (server, odoo, _) = await StartAsync(json2: false);
        await using var _ = server;
        await using var __ = odoo;
        var raw = odoo.Model("test.voucher");
        server.ClearRequests();

        Assert.Empty(await odoo.Vouchers.ListAsync([]));
        Assert.Empty(await raw.ReadAsync([]));
        await odoo.Vouchers.UpdateAsync([], new OdooValues { ["Code"] = "X" });
        await raw.WriteAsync([], new Dictionary<string, object?> { ["code"] = "X" });
        await odoo.Vouchers.DeleteAsync(Array.Empty<int>());
        await raw.UnlinkAsync([]);
        Assert.Empty(await odoo.Vouchers.CreateManyAsync(Array.Empty<OdooValues>()));
        Assert.Empty(await raw.CreateManyAsync([]));

        var refusals = new[]
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => odoo.Vouchers.SearchAsync(limit: -1)),
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => odoo.Vouchers.SearchIdsAsync(limit: -1)),
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => raw.SearchReadAsync(limit: -1)),
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => raw.SearchAsync(limit: -1)),
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => raw.NameSearchAsync("V", limit: -1)),
        };
        Assert.All(refusals, e => Assert.Equal("The limit cannot be negative. (Parameter 'limit')\nActual value was -1.", e.Message.ReplaceLineEndings("\n")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => odoo.Vouchers.SearchIdsAsync(offset: -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => raw.SearchAsync(offset: -1));
        Assert.Empty(Calls(server));
    }
}
