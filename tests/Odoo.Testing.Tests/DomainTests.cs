using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

public sealed class DomainTests : IAsyncLifetime
{
    private OdooTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync();
        _server.DefineModel(new OdooModelSchema("test.item", "Test Item")
            .Char("name").Char("code").Integer("qty").Float("price").Boolean("active", configure: f => f.Default = true)
            .Boolean("flag")
            .Selection("state", ["draft", "done"]).Date("day").DateTime("when")
            .Many2One("partner_id", "res.partner").Many2Many("tag_ids", "res.partner.category")
            .Many2One("parent_id", "test.item").One2Many("child_ids", "test.item", "parent_id")
            .One2Many("line_ids", "test.line", "item_id"));
        _server.DefineModel(new OdooModelSchema("test.line", "Test Line").Char("name").Integer("qty").Many2One("item_id", "test.item"));
        _server.Seed("res.country", new { id = 21, name = "Belgium", code = "BE" });
        _server.Seed("res.partner", new { id = 50, name = "Acme", country_id = 233 }, new { id = 51, name = "Brol", country_id = 21 });
        _server.Seed("res.partner.category", new { id = 60, name = "Gold" }, new { id = 61, name = "Silver" });
        _server.Seed("test.item",
            new { id = 1, name = "Alpha", code = "A-1", qty = 5, price = 1.5, state = "draft", day = "2024-01-10", when = "2024-01-10 08:00:00", partner_id = 50, tag_ids = new[] { 60 } },
            new { id = 2, name = "beta", code = "B_2", qty = 0, price = 2.5, state = "done", day = "2024-02-10", partner_id = 51, tag_ids = new[] { 60, 61 }, parent_id = 1 },
            new { id = 3, name = "Gamma", qty = 10, state = "draft", parent_id = 2, flag = true },
            new { id = 4, name = "Delta", code = "", qty = 7, active = false, partner_id = 50 },
            new { id = 5, name = "", qty = -3, parent_id = 1 });
        _server.Seed("test.line", new { id = 1, name = "l1", qty = 1, item_id = 1 }, new { id = 2, name = "l2", qty = 20, item_id = 1 }, new { id = 3, name = "l3", qty = 3, item_id = 2 });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private int[] S(string domain, bool activeTest = true) => [.. _server.Search("test.item", domain, activeTest: activeTest)];

    [Theory]
    [InlineData("""[["qty", "=", 5]]""", new[] { 1 })]
    [InlineData("""[["qty", "!=", 5]]""", new[] { 2, 3, 5 })]
    [InlineData("""[["qty", ">", 5]]""", new[] { 3 })]
    [InlineData("""[["qty", ">=", 5]]""", new[] { 1, 3 })]
    [InlineData("""[["qty", "<", 5]]""", new[] { 2, 5 })]
    [InlineData("""[["qty", "<=", 0]]""", new[] { 2, 5 })]
    [InlineData("""[["price", ">", 2]]""", new[] { 2 })]
    [InlineData("""[["name", "=", "Alpha"]]""", new[] { 1 })]
    [InlineData("""[["name", "like", "a"]]""", new[] { 1, 2, 3 })]
    [InlineData("""[["name", "ilike", "A"]]""", new[] { 1, 2, 3 })]
    [InlineData("""[["name", "like", "A"]]""", new[] { 1 })]
    [InlineData("""[["name", "not like", "a"]]""", new[] { 5 })]
    [InlineData("""[["name", "not ilike", "ALPHA"]]""", new[] { 2, 3, 5 })]
    [InlineData("""[["name", "=like", "_eta"]]""", new[] { 2 })]
    [InlineData("""[["name", "=ilike", "g%"]]""", new[] { 3 })]
    [InlineData("""[["code", "ilike", "_"]]""", new[] { 1, 2 })]
    [InlineData("""[["state", "in", ["done"]]]""", new[] { 2 })]
    [InlineData("""[["state", "not in", ["done"]]]""", new[] { 1, 3, 5 })]
    [InlineData("""[["id", "in", [1, 3, 99]]]""", new[] { 1, 3 })]
    [InlineData("""[["id", "not in", [1, 3]]]""", new[] { 2, 5 })]
    [InlineData("""[["state", "in", [false, "done"]]]""", new[] { 2, 5 })]
    [InlineData("""[["code", "=?", false]]""", new[] { 1, 2, 3, 5 })]
    [InlineData("""[["code", "=?", "A-1"]]""", new[] { 1 })]
    [InlineData("""[["day", ">=", "2024-02-01"]]""", new[] { 2 })]
    [InlineData("""[["when", "<", "2024-01-11"]]""", new[] { 1 })]
    [InlineData("""[["flag", "=", true]]""", new[] { 3 })]
    [InlineData("""[["flag", "=", false]]""", new[] { 1, 2, 5 })]
    [InlineData("""[["flag", "!=", true]]""", new[] { 1, 2, 5 })]
    public void Operators(string domain, int[] expected) => Assert.Equal(expected, S(domain));

    [Theory]
    [InlineData("""[["code", "=", false]]""", new[] { 3, 5 })] // unset; "" counts as empty too (item 4 is archived)
    [InlineData("""[["code", "!=", false]]""", new[] { 1, 2 })]
    [InlineData("""[["partner_id", "=", false]]""", new[] { 3, 5 })]
    [InlineData("""[["partner_id", "!=", false]]""", new[] { 1, 2 })]
    [InlineData("""[["tag_ids", "=", false]]""", new[] { 3, 5 })]
    [InlineData("""[["tag_ids", "!=", false]]""", new[] { 1, 2 })]
    [InlineData("""[["line_ids", "=", false]]""", new[] { 3, 5 })]
    [InlineData("""[["qty", "=", false]]""", new[] { 2 })]
    [InlineData("""[["day", "=", false]]""", new[] { 3, 5 })]
    public void False_means_empty(string domain, int[] expected) => Assert.Equal(expected, S(domain));

    [Theory]
    [InlineData("""["|", ["qty", "=", 5], ["qty", "=", 10]]""", new[] { 1, 3 })]
    [InlineData("""["&", ["qty", ">", 0], ["state", "=", "draft"]]""", new[] { 1, 3 })]
    [InlineData("""["!", ["state", "=", "draft"]]""", new[] { 2, 5 })]
    [InlineData("""[["qty", ">", 0], ["state", "=", "draft"]]""", new[] { 1, 3 })] // implicit AND
    [InlineData("""["|", "&", ["qty", ">", 0], ["state", "=", "done"], ["name", "=", "Gamma"]]""", new[] { 3 })]
    [InlineData("""["|", ["name", "=", "Gamma"], "&", ["qty", ">=", 0], ["state", "=", "done"]]""", new[] { 2, 3 })]
    [InlineData("""["!", "|", ["qty", "=", 5], ["qty", "=", 10]]""", new[] { 2, 5 })]
    [InlineData("""["|", "|", ["id", "=", 1], ["id", "=", 2], ["id", "=", 3]]""", new[] { 1, 2, 3 })]
    [InlineData("""[[1, "=", 1]]""", new[] { 1, 2, 3, 5 })]
    [InlineData("""[[0, "=", 1]]""", new int[0])]
    [InlineData("""[]""", new[] { 1, 2, 3, 5 })]
    public void Prefix_operators(string domain, int[] expected) => Assert.Equal(expected, S(domain));

    [Theory]
    [InlineData("""[["partner_id.name", "=", "Acme"]]""", new[] { 1 })]
    [InlineData("""[["partner_id.country_id.code", "=", "BE"]]""", new[] { 2 })]
    [InlineData("""[["partner_id.country_id.code", "!=", "BE"]]""", new[] { 1 })]
    [InlineData("""[["tag_ids.name", "=", "Silver"]]""", new[] { 2 })]
    [InlineData("""[["tag_ids.name", "!=", "Silver"]]""", new[] { 1, 3, 5 })]
    [InlineData("""[["line_ids.qty", ">", 10]]""", new[] { 1 })]
    [InlineData("""[["parent_id.parent_id.name", "=", "Alpha"]]""", new[] { 3 })]
    [InlineData("""[["partner_id", "ilike", "acm"]]""", new[] { 1 })]
    [InlineData("""[["partner_id", "=", "Brol"]]""", new[] { 2 })]
    [InlineData("""[["partner_id", "in", [50, 51]]]""", new[] { 1, 2 })]
    [InlineData("""[["tag_ids", "in", [61]]]""", new[] { 2 })]
    [InlineData("""[["tag_ids", "not in", [61]]]""", new[] { 1, 3, 5 })]
    [InlineData("""[["tag_ids", "=", 60]]""", new[] { 1, 2 })]
    public void Dotted_paths_and_relations(string domain, int[] expected) => Assert.Equal(expected, S(domain));

    [Theory]
    [InlineData("""[["line_ids", "any", [["qty", ">", 2]]]]""", new[] { 1, 2 })]
    [InlineData("""[["line_ids", "not any", [["qty", ">", 2]]]]""", new[] { 3, 5 })]
    [InlineData("""[["partner_id", "any", [["country_id.code", "=", "US"]]]]""", new[] { 1 })]
    [InlineData("""[["partner_id", "not any", [["name", "=", "Acme"]]]]""", new[] { 2, 3, 5 })]
    [InlineData("""[["id", "child_of", 1]]""", new[] { 1, 2, 3, 5 })]
    [InlineData("""[["id", "child_of", [2]]]""", new[] { 2, 3 })]
    [InlineData("""[["id", "parent_of", 3]]""", new[] { 1, 2, 3 })]
    [InlineData("""[["parent_id", "child_of", 2]]""", new[] { 3 })]
    [InlineData("""[["child_ids", "parent_of", 3]]""", new[] { 1, 2 })]
    public void Any_and_hierarchy(string domain, int[] expected) => Assert.Equal(expected, S(domain));

    [Fact]
    public void Active_filtering()
    {
        Assert.DoesNotContain(4, S("[]"));
        Assert.Equal([4], S("""[["active", "=", false]]"""));
        Assert.Equal([1, 2, 3, 4, 5], S("""[["active", "in", [true, false]]]"""));
        Assert.Equal([1, 2, 3, 4, 5], S("[]", activeTest: false));
    }

    [Fact]
    public async Task Active_test_context_over_rpc_and_order()
    {
        using var http = Rpc.Client(_server);
        var all = await Rpc.CallAsync(http, _server, "test.item", "search", [new JsonArray()],
            new JsonObject { ["context"] = new JsonObject { ["active_test"] = false }, ["order"] = "qty desc, id" });
        Assert.Equal([3, 4, 1, 2, 5], Rpc.Ids(all));
        var byName = await Rpc.CallAsync(http, _server, "test.item", "search", [new JsonArray()], new JsonObject { ["order"] = "name desc", ["limit"] = 2, ["offset"] = 1 });
        Assert.Equal([2, 1], Rpc.Ids(byName)); // Gamma, beta, Alpha, "" (case-insensitive): skip 1, take 2
        var nullsFirst = await Rpc.CallAsync(http, _server, "test.item", "search", [new JsonArray()], new JsonObject { ["order"] = "code asc nulls first, id" });
        Assert.Equal([3, 5, 1, 2], Rpc.Ids(nullsFirst));
        var count = await Rpc.CallAsync(http, _server, "test.item", "search_count", [new JsonArray { new JsonArray("qty", ">", 0) }]);
        Assert.Equal(2, (int)count!);
    }

    [Fact]
    public async Task Invalid_domains_are_value_errors()
    {
        using var http = Rpc.Client(_server);
        var e1 = await Rpc.CallErrorAsync(http, _server, "test.item", "search", [new JsonArray { new JsonArray("nope", "=", 1) }]);
        Assert.Equal("builtins.ValueError", (string)e1["name"]!);
        Assert.StartsWith("Invalid field test.item.nope in leaf", (string)e1["message"]!);
        var e2 = await Rpc.CallErrorAsync(http, _server, "test.item", "search", [new JsonArray { new JsonArray("qty", "~", 1) }]);
        Assert.Equal("builtins.ValueError", (string)e2["name"]!);
        var e3 = await Rpc.CallErrorAsync(http, _server, "test.item", "search", [new JsonArray { "|", new JsonArray("qty", "=", 1) }]);
        Assert.Contains("syntactically not correct", (string)e3["message"]!);
    }
}
