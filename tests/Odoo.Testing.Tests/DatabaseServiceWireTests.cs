namespace Odoo.Testing.Tests;

/// <summary>The db service on the wire: what the master password guards, and that the server never records it.</summary>
public sealed class DatabaseServiceWireTests
{
    private static string Db(string method, string args) =>
        $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"db","method":"{{method}}","args":[{{args}}]},"id":1}""";

    [Fact]
    public async Task A_new_master_password_replaces_the_old_one_and_no_master_password_is_recorded()
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { MasterPassword = "first-master-771" });
        using var http = Rpc.Client(server);

        var (_, changed, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("change_admin_password", "\"first-master-771\",\"second-master-772\""));
        Assert.True((bool)changed!["result"]!);
        var (_, refused, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("create_database", "\"first-master-771\",\"newdb\",false,\"en_US\",\"pw-1\""));
        Assert.Equal("odoo.exceptions.AccessDenied", (string)refused!["error"]!["data"]!["name"]!);
        var (_, created, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("create_database", "\"second-master-772\",\"newdb\",false,\"en_US\",\"pw-1\""));
        Assert.True((bool)created!["result"]!);

        Assert.Equal(["newdb", server.Database], server.Databases); // sorted as Odoo lists them
        Assert.Contains(server.Requests, r => r.Service == "db" && r.Method == "create_database" && r.Database == "newdb");
        Assert.DoesNotContain(server.Requests, r => r.Database is "first-master-771" or "second-master-772");
        Assert.DoesNotContain(server.Requests, r => r.ToString().Contains("master-77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_listed_database_without_users_is_managed_like_any_other_but_refuses_logins()
    {
        var options = new OdooTestServerOptions();
        options.OtherDatabases.Add("archive");
        await using var server = await OdooTestServer.StartAsync(options);
        using var http = Rpc.Client(server);

        var (_, login, _) = await Rpc.PostAsync(http, "/jsonrpc", """{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"login","args":["archive","admin","admin"]},"id":1}""");
        Assert.False((bool)login!["result"]!);
        var (_, renamed, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("rename", "\"admin\",\"archive\",\"archive2\""));
        Assert.True((bool)renamed!["result"]!);
        var (_, dropped, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("drop", "\"admin\",\"archive2\""));
        Assert.True((bool)dropped!["result"]!);
        var (_, again, _) = await Rpc.PostAsync(http, "/jsonrpc", Db("drop", "\"admin\",\"archive2\""));
        Assert.False((bool)again!["result"]!);
        Assert.Equal([server.Database], server.Databases);
    }
}
