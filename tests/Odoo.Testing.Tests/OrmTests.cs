using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

public sealed class OrmTests : IAsyncLifetime
{
    private OdooTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync();
        _server.DefineModel(new OdooModelSchema("sale.order", "Sales Order")
            .Char("name", required: true).Many2One("partner_id", "res.partner", required: true)
            .One2Many("order_line", "sale.order.line", "order_id").Many2Many("tag_ids", "res.partner.category")
            .Selection("state", ["draft", "sale"], configure: f => f.Default = "draft")
            .Monetary("amount_total").Json("extra").Binary("file"));
        _server.DefineModel(new OdooModelSchema("sale.order.line", "Sales Order Line")
            .Char("name").Integer("product_uom_qty").Many2One("order_id", "sale.order", required: true, configure: f => f.OnDelete = OdooOnDelete.Cascade));
        _server.Seed("res.partner.category", new { id = 1, name = "A" }, new { id = 2, name = "B" }, new { id = 3, name = "C" });
        _http = Rpc.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<JsonObject> ReadOne(string model, int id, params string[] fields)
    {
        var result = await Rpc.CallAsync(_http, _server, model, "read", [id], new JsonObject { ["fields"] = new JsonArray(fields.Select(f => (JsonNode)f!).ToArray()) });
        return result!.AsArray().Single()!.AsObject();
    }

    [Fact]
    public async Task Create_with_x2many_commands_then_read_shapes()
    {
        var id = (int)(await Rpc.CallAsync(_http, _server, "sale.order", "create", [new JsonObject
        {
            ["name"] = "SO1", ["partner_id"] = 1,
            ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["name"] = "vm-1", ["product_uom_qty"] = 2 }), new JsonArray(0, 0, new JsonObject { ["name"] = "vm-2" })),
            ["tag_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(1, 2))),
            ["extra"] = new JsonObject { ["k"] = new JsonArray(1, 2) },
        }]))!;
        var row = await ReadOne("sale.order", id, "name", "partner_id", "order_line", "tag_ids", "state", "amount_total", "extra", "file", "create_uid", "display_name");
        Assert.Equal(JsonNode.Parse($$"""{"id":{{id}},"name":"SO1","partner_id":[1,"YourCompany"],"order_line":[1,2],"tag_ids":[1,2],"state":"draft","amount_total":0.0,"extra":{"k":[1,2]},"file":false,"create_uid":[2,"Mitchell Admin"],"display_name":"SO1"}"""), row, JsonNode.DeepEquals);

        // [1,id,vals] [2,id] [3,id] [4,id] [5] on both relation kinds.
        await Rpc.CallAsync(_http, _server, "sale.order", "write", [new JsonArray(id), new JsonObject
        {
            ["order_line"] = new JsonArray(new JsonArray(1, 1, new JsonObject { ["name"] = "vm-1b" }), new JsonArray(2, 2, false)),
            ["tag_ids"] = new JsonArray(new JsonArray(3, 1), new JsonArray(4, 3)),
        }]);
        row = await ReadOne("sale.order", id, "order_line", "tag_ids");
        Assert.Equal([1], Rpc.Ids(row["order_line"]));
        Assert.Equal([2, 3], Rpc.Ids(row["tag_ids"]));
        Assert.False(_server.Exists("sale.order.line", 2));
        Assert.Equal("vm-1b", _server.GetValue("sale.order.line", 1, "name"));

        await Rpc.CallAsync(_http, _server, "sale.order", "write", [new JsonArray(id), new JsonObject { ["tag_ids"] = new JsonArray(new JsonArray(5)), ["order_line"] = new JsonArray(new JsonArray(5)) }]);
        row = await ReadOne("sale.order", id, "order_line", "tag_ids");
        Assert.Empty(row["order_line"]!.AsArray());
        Assert.Empty(row["tag_ids"]!.AsArray());
        Assert.False(_server.Exists("sale.order.line", 1)); // [5] on a required inverse deletes the line

        // A plain id list on a many2many replaces it; [4,id] links an existing line.
        var lineId = _server.Create("sale.order.line", new { name = "other", order_id = id });
        await Rpc.CallAsync(_http, _server, "sale.order", "write", [new JsonArray(id), new JsonObject { ["tag_ids"] = new JsonArray(3, 1), ["order_line"] = new JsonArray(new JsonArray(4, lineId)) }]);
        row = await ReadOne("sale.order", id, "order_line", "tag_ids");
        Assert.Equal([1, 3], Rpc.Ids(row["tag_ids"])); // in the comodel's order
        Assert.Equal([lineId], Rpc.Ids(row["order_line"]));
    }

    [Fact]
    public async Task Create_multi_returns_list_and_failures_roll_back()
    {
        var ids = await Rpc.CallAsync(_http, _server, "sale.order", "create", [new JsonArray(
            new JsonObject { ["name"] = "A", ["partner_id"] = 1 }, new JsonObject { ["name"] = "B", ["partner_id"] = 1 })]);
        Assert.Equal(2, ids!.AsArray().Count);
        var before = _server.Count("sale.order");
        var error = await Rpc.CallErrorAsync(_http, _server, "sale.order", "create", [new JsonArray(
            new JsonObject { ["name"] = "C", ["partner_id"] = 1 }, new JsonObject { ["name"] = "D" })]);
        Assert.Equal("odoo.exceptions.ValidationError", (string)error["name"]!);
        Assert.Contains("Field: Partner (partner_id)", (string)error["message"]!);
        Assert.Equal(before, _server.Count("sale.order"));
    }

    [Fact]
    public async Task Unknown_field_and_bad_selection_are_value_errors()
    {
        var e = await Rpc.CallErrorAsync(_http, _server, "sale.order", "create", [new JsonObject { ["name"] = "X", ["partner_id"] = 1, ["nope"] = 1 }]);
        Assert.Equal("Invalid field 'nope' on model 'sale.order'", (string)e["message"]!);
        e = await Rpc.CallErrorAsync(_http, _server, "sale.order", "create", [new JsonObject { ["name"] = "X", ["partner_id"] = 1, ["state"] = "bogus" }]);
        Assert.Equal("Wrong value for sale.order.state: 'bogus'", (string)e["message"]!);
        e = await Rpc.CallErrorAsync(_http, _server, "sale.order", "read", [1], new JsonObject { ["fields"] = new JsonArray("zzz") });
        Assert.Equal("builtins.ValueError", (string)e["name"]!);
        e = await Rpc.CallErrorAsync(_http, _server, "sale.order", "search", [], new JsonObject { ["bogus"] = 1 });
        Assert.Equal("builtins.TypeError", (string)e["name"]!);
    }

    [Fact]
    public async Task Unlink_cascades_and_restricts()
    {
        var so = _server.Create("sale.order", new { name = "S", partner_id = 1, order_line = new object[] { new object[] { 0, 0, new { name = "l" } } } });
        var line = ((int[])_server.GetValue("sale.order", so, "order_line")!).Single();
        // Deleting the partner of an order is refused (required many2one => restrict).
        var e = await Rpc.CallErrorAsync(_http, _server, "res.partner", "unlink", [new JsonArray(1)]);
        Assert.Equal("The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: Sales Order (sale.order)\nConstraint: sale_order_partner_id_fkey\n", (string)e["message"]!);
        Assert.True(_server.Exists("res.partner", 1));
        await Rpc.CallAsync(_http, _server, "sale.order", "unlink", [new JsonArray(so)]);
        Assert.False(_server.Exists("sale.order.line", line));
    }

    [Fact]
    public async Task Copy_name_search_fields_get_default_get_and_context_get()
    {
        var so = _server.Create("sale.order", new { name = "Orig", partner_id = 1, tag_ids = new[] { 1 } });
        var copy = (int)(await Rpc.CallAsync(_http, _server, "sale.order", "copy", [so], new JsonObject { ["default"] = new JsonObject { ["name"] = "Copy" } }))!;
        Assert.NotEqual(so, copy);
        Assert.Equal("Copy", _server.GetValue("sale.order", copy, "name"));
        Assert.Equal([1], (int[])_server.GetValue("sale.order", copy, "tag_ids")!);

        var found = await Rpc.CallAsync(_http, _server, "sale.order", "name_search", [], new JsonObject { ["name"] = "ori" });
        Assert.Equal(JsonNode.Parse($"[[{so},\"Orig\"]]"), found, JsonNode.DeepEquals);

        var fg = await Rpc.CallAsync(_http, _server, "sale.order", "fields_get", [], new JsonObject { ["allfields"] = new JsonArray("state", "order_line") });
        Assert.Equal(JsonNode.Parse("[[\"draft\",\"draft\"],[\"sale\",\"sale\"]]"), fg!["state"]!["selection"], JsonNode.DeepEquals);
        Assert.Equal("order_id", (string)fg["order_line"]!["relation_field"]!);
        Assert.Equal(2, fg.AsObject().Count);

        var defaults = await Rpc.CallAsync(_http, _server, "sale.order", "default_get", [new JsonArray("state", "name")]);
        Assert.Equal(JsonNode.Parse("{\"state\":\"draft\"}"), defaults, JsonNode.DeepEquals);

        var ctx = await Rpc.CallAsync(_http, _server, "res.users", "context_get");
        Assert.Equal(JsonNode.Parse("{\"lang\":\"en_US\",\"tz\":\"Europe/Brussels\",\"uid\":2}"), ctx, JsonNode.DeepEquals);
    }

    [Fact]
    public async Task Old_execute_with_positional_args_gets_the_user_context()
    {
        var payload = $$$"""{"jsonrpc":"2.0","method":"call","id":9,"params":{"service":"object","method":"execute","args":["{{{_server.Database}}}",2,"{{{_server.Password}}}","res.users","context_get"]}}""";
        var (_, body, _) = await Rpc.PostAsync(_http, "/jsonrpc", payload);
        Assert.Equal("en_US", (string)body!["result"]!["lang"]!);
        Assert.Equal(9, (int)body["id"]!);
    }

    [Fact]
    public async Task Update_with_a_bare_id_writes_and_answers_without_a_result()
    {
        var so = _server.Create("sale.order", new { name = "U", partner_id = 1 });
        var answer = await Rpc.ExecuteKwAsync(_http, _server, "sale.order", "update", [so, new JsonObject { ["file"] = "aGVsbG8=" }]);
        // update() returns None, and Odoo's JSON-RPC dispatcher leaves "result" out when it is None.
        Assert.False(answer.AsObject().ContainsKey("result"));
        Assert.False(answer.AsObject().ContainsKey("error"));
        Assert.Equal("aGVsbG8=", _server.GetValue("sale.order", so, "file"));
        var read = _server.Read("sale.order", [so], "file", "write_uid");
        Assert.Equal("aGVsbG8=", (string)read[0]!["file"]!);
    }

    [Fact]
    public async Task Custom_methods_get_ids_args_and_kwargs()
    {
        _server.RegisterMethod("sale.order", "action_confirm", call =>
        {
            foreach (var id in call.Ids) call.Server.Write("sale.order", [id], new { state = "sale" });
            call.TryGetArgument("note", 0, out var note);
            return new JsonObject { ["ids"] = new JsonArray(call.Ids.Select(i => (JsonNode)i).ToArray()), ["note"] = note.GetString(), ["uid"] = call.Uid };
        });
        _server.RegisterMethod("sale.order", "price_get", call => new JsonObject { [call.Args[0].GetInt32().ToString()] = 0.12 }, OdooMethodKind.Model);
        _server.RegisterMethod("sale.order", "fail", _ => throw OdooServerError.UserError("Nope."));
        var so = _server.Create("sale.order", new { name = "S", partner_id = 1 });

        var r = await Rpc.CallAsync(_http, _server, "sale.order", "action_confirm", [so, "hello"]);
        Assert.Equal(JsonNode.Parse($"{{\"ids\":[{so}],\"note\":\"hello\",\"uid\":2}}"), r, JsonNode.DeepEquals);
        Assert.Equal("sale", _server.GetValue("sale.order", so, "state"));
        Assert.Equal(0.12, (double)(await Rpc.CallAsync(_http, _server, "sale.order", "price_get", [3, 88, 2.0]))!["3"]!);
        var e = await Rpc.CallErrorAsync(_http, _server, "sale.order", "fail", [new JsonArray()]);
        Assert.Equal("odoo.exceptions.UserError", (string)e["name"]!);
        Assert.Equal("Nope.", (string)e["message"]!);
        Assert.Equal(1, _server.CountCalls("sale.order", "action_confirm"));
    }

    [Fact]
    public async Task Access_rules_produce_access_errors()
    {
        var bob = _server.AddUser("bob", "pw-bob");
        _server.DenyAccess("sale.order", OdooOperation.Create, bob.Uid);
        _server.DenyAccess("res.partner", OdooOperation.Write);
        var payload = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["method"] = "call", ["id"] = 1,
            ["params"] = new JsonObject { ["service"] = "object", ["method"] = "execute_kw", ["args"] = new JsonArray(_server.Database, bob.Uid, "pw-bob", "sale.order", "create", new JsonArray(new JsonObject { ["name"] = "X", ["partner_id"] = 1 }), new JsonObject()) },
        };
        var (_, body, _) = await Rpc.PostAsync(_http, "/jsonrpc", payload.ToJsonString());
        Assert.Equal("odoo.exceptions.AccessError", (string)body!["error"]!["data"]!["name"]!);
        Assert.StartsWith("You are not allowed to create 'Sales Order' (sale.order) records.", (string)body["error"]!["data"]!["message"]!);
        // Admin may still create; nobody may write partners.
        await Rpc.CallAsync(_http, _server, "sale.order", "create", [new JsonObject { ["name"] = "Y", ["partner_id"] = 1 }]);
        var e = await Rpc.CallErrorAsync(_http, _server, "res.partner", "write", [new JsonArray(1), new JsonObject { ["name"] = "Z" }]);
        Assert.Equal("odoo.exceptions.AccessError", (string)e["name"]!);
        _server.ClearAccessRules();
        await Rpc.CallAsync(_http, _server, "res.partner", "write", [new JsonArray(1), new JsonObject { ["name"] = "Z" }]);
    }

    [Fact]
    public async Task Search_read_of_5000_records_is_complete_and_in_order()
    {
        // Speed is the benchmarks' subject (the server throughput rows of docs/performance.md), not this test's.
        _server.SeedMany("res.partner", Enumerable.Range(0, 5000).Select(i => (object)new { name = $"P{i:D5}", email = $"p{i}@x.example", is_company = i % 2 == 0, country_id = 233 }));
        var rows = await Rpc.CallAsync(_http, _server, "res.partner", "search_read", [new JsonArray { new JsonArray("email", "ilike", "@x.example") }], new JsonObject { ["order"] = "id" });
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"P{i:D5}"), rows!.AsArray().Select(r => (string)r!["name"]!));
        Assert.All(rows.AsArray(), r => Assert.Equal(233, (int)r!["country_id"]![0]!));
    }
}
