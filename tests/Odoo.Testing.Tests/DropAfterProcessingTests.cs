using System.Net;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary><see cref="OdooFault.DropConnectionAfterProcessing"/>: the call runs, the answer is lost.</summary>
public sealed class DropAfterProcessingTests
{
    [Fact]
    public async Task The_create_takes_effect_but_the_connection_is_aborted()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        var rule = server.Faults.Add(OdooFault.DropConnectionAfterProcessing()).For(model: "res.partner", method: "create").Once();

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Rpc.ExecuteKwAsync(http, server, "res.partner", "create", new JsonArray(new JsonObject { ["name"] = "Lost answer" })));

        Assert.Equal(1, rule.Applied);
        Assert.Equal(1, server.Count("res.partner", """[["name","=","Lost answer"]]"""));
        var logged = Assert.Single(server.Requests, r => r.Method == "create");
        Assert.Equal("DropConnectionAfterProcessing", logged.Fault);
        Assert.Equal(200, logged.StatusCode);

        // The rule is used up: the next call answers.
        var id = await Rpc.CallAsync(http, server, "res.partner", "create", new JsonArray(new JsonObject { ["name"] = "Answered" }));
        Assert.True(server.Exists("res.partner", (int)id!));
    }

    [Fact]
    public async Task A_write_takes_effect_and_a_failing_call_still_fails_without_an_answer()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        var id = server.Create("res.partner", new { name = "Before" });
        server.Faults.Add(OdooFault.DropConnectionAfterProcessing()).For(model: "res.partner").Times(2);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Rpc.ExecuteKwAsync(http, server, "res.partner", "write", new JsonArray(new JsonArray(id), new JsonObject { ["name"] = "After" })));
        Assert.Equal("After", server.GetValue("res.partner", id, "name"));

        // An error answer is lost the same way (and changes nothing).
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Rpc.ExecuteKwAsync(http, server, "res.partner", "write", new JsonArray(new JsonArray(id), new JsonObject { ["no_such_field"] = 1 })));
        Assert.Equal("After", server.GetValue("res.partner", id, "name"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], server.Requests.Where(r => r.Method == "write").Select(r => (HttpStatusCode)r.StatusCode));
    }
}
