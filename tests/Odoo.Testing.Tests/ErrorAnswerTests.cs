using System.Text.Json.Nodes;
using Odoo.Testing;

namespace Odoo.Testing.Tests;

/// <summary>
/// The stand-in answers the error cases as the real Odoo 18 does (recorded in
/// tests/Odoo.Runtime.Tests/WireSamples 60-69): a database that does not exist on /jsonrpc and on the session login,
/// an unknown field, a value that does not fit. The client then raises the same typed exceptions as against Odoo.
/// </summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private OdooTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync();
        _http = Rpc.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static JsonNode ErrorData(JsonNode? body) => body!["error"]!["data"]!;

    private static string ExecuteKw(string db, string model, string method, string args, string kwargs = "{}") =>
        $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":["{{db}}",2,"admin","{{model}}","{{method}}",{{args}},{{kwargs}}]},"id":1}""";

    private OdooClientOptions Options(string? database = null, bool session = true) => new()
    {
        Url = _server.BaseUrl,
        Database = database ?? _server.Database,
        Username = "admin",
        Password = "admin",
        UseWebSession = session,
        MaxReadRetries = 0,
    };

    [Fact]
    public async Task A_missing_database_on_jsonrpc_is_psycopg2s_operational_error_as_recorded()
    {
        var (_, login, _) = await Rpc.PostAsync(_http, "/jsonrpc", """{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"login","args":["no_such_db","admin","admin"]},"id":61}""");
        Assert.Equal("psycopg2.OperationalError", (string?)ErrorData(login)["name"]);
        Assert.Equal("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"no_such_db\" does not exist\n", (string?)ErrorData(login)["message"]);

        var (_, call, _) = await Rpc.PostAsync(_http, "/jsonrpc", ExecuteKw("no_such_db", "res.partner", "search", "[[]]"));
        Assert.Equal("psycopg2.OperationalError", (string?)ErrorData(call)["name"]);
    }

    [Fact]
    public async Task A_missing_database_on_the_session_login_is_database_not_found_as_recorded()
    {
        var (_, body, _) = await Rpc.PostAsync(_http, "/web/session/authenticate", """{"jsonrpc":"2.0","method":"call","params":{"db":"no_such_db","login":"admin","password":"admin"},"id":62}""");
        Assert.Equal("odoo.exceptions.AccessError", (string?)ErrorData(body)["name"]);
        Assert.Equal("Database not found.", (string?)ErrorData(body)["message"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_client_names_the_missing_database_and_lists_the_servers(bool session)
    {
        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => OdooClient.ConnectAsync(Options("no_such_db", session)));
        Assert.Equal("no_such_db", ex.Database);
        Assert.Equal([_server.Database], ex.AvailableDatabases);
        Assert.Contains($"Odoo has no database 'no_such_db' (or its db_filter hides it). The server lists: {_server.Database}. Set OdooClientOptions.Database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(session ? "odoo.exceptions.AccessError" : "psycopg2.OperationalError", ex.ExceptionName);
    }

    [Fact]
    public async Task A_server_that_does_not_list_databases_refuses_db_list_and_the_client_still_types_the_error()
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { ListDatabases = false });
        using var http = Rpc.Client(server);
        var (_, list, _) = await Rpc.PostAsync(http, "/jsonrpc", """{"jsonrpc":"2.0","method":"call","params":{"service":"db","method":"list","args":[]},"id":1}""");
        Assert.Equal("odoo.exceptions.AccessDenied", (string?)ErrorData(list)["name"]);

        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl,
            Database = "no_such_db",
            Username = "admin",
            Password = "admin",
        }));
        Assert.Null(ex.AvailableDatabases);
    }

    [Fact]
    public async Task An_unknown_field_in_a_domain_is_quoted_as_odoo_quotes_the_leaf()
    {
        var (_, body, _) = await Rpc.PostAsync(_http, "/jsonrpc",
            ExecuteKw(_server.Database, "res.partner", "search_read", """[[["no_such_field","=",1]]]""", """{"fields":["name"]}"""));
        Assert.Equal("builtins.ValueError", (string?)ErrorData(body)["name"]);
        Assert.Equal("Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)", (string?)ErrorData(body)["message"]);

        await using var client = await OdooClient.ConnectAsync(Options());
        var ex = await Assert.ThrowsAsync<OdooUnknownFieldException>(() => client.Model("res.partner").SearchReadAsync(new object[] { new object[] { "no_such_field", "=", 1 } }, ["name"]));
        Assert.Equal(("res.partner", "no_such_field"), (ex.FieldModel, ex.Field));
        var inFields = await Assert.ThrowsAsync<OdooUnknownFieldException>(() => client.Model("res.partner").SearchReadAsync(fields: ["name", "no_such_field"], limit: 1));
        Assert.Equal("Invalid field 'no_such_field' on model 'res.partner'", inFields.ServerMessage);
    }

    [Fact]
    public async Task A_string_for_an_integer_field_is_pythons_int_error()
    {
        var (_, body, _) = await Rpc.PostAsync(_http, "/jsonrpc",
            ExecuteKw(_server.Database, "res.partner.category", "create", """[{"name":"t","color":"abc"}]"""));
        Assert.Equal("builtins.ValueError", (string?)ErrorData(body)["name"]);
        Assert.Equal("invalid literal for int() with base 10: 'abc'", (string?)ErrorData(body)["message"]);

        await using var client = await OdooClient.ConnectAsync(Options());
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("res.partner.category").CreateAsync(new Dictionary<string, object?> { ["name"] = "t", ["color"] = "abc" }));
        Assert.Equal(("abc", "integer"), (ex.Value, ex.ExpectedType));
    }

    [Fact]
    public async Task Text_compared_with_the_id_is_postgresqls_invalid_input_error()
    {
        var (_, body, _) = await Rpc.PostAsync(_http, "/jsonrpc",
            ExecuteKw(_server.Database, "res.partner", "search_count", """[[["id","=","abc"]]]"""));
        Assert.Equal("psycopg2.errors.InvalidTextRepresentation", (string?)ErrorData(body)["name"]);
        Assert.StartsWith("invalid input syntax for type integer: \"abc\"\nLINE 1: ...", (string?)ErrorData(body)["message"], StringComparison.Ordinal);

        await using var client = await OdooClient.ConnectAsync(Options());
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("res.partner").SearchCountAsync(new object[] { new object[] { "id", "=", "abc" } }));
        Assert.Equal(("id", "abc", "integer"), (ex.Field, ex.Value, ex.ExpectedType));
        Assert.DoesNotContain("LINE", ex.Message, StringComparison.Ordinal);
        // digits in text still compare, as PostgreSQL casts them
        Assert.Equal(1, await client.Model("res.partner").SearchCountAsync(new object[] { new object[] { "id", "=", "1" } }));
    }
}
