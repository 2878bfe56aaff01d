using System.IO.Compression;
using System.Text.Json;
using Odoo.Databases;
using Odoo.Testing;

namespace Odoo.Runtime.Tests.Databases;

/// <summary><see cref="OdooDatabaseService"/> against the in-memory Odoo's db service and database manager routes.</summary>
public sealed class DatabaseServiceTests : IAsyncLifetime
{
    private const string Master = "master-pw-for-tests-5521";
    private OdooTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { MasterPassword = Master });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OdooDatabaseService Service(string? master = Master) =>
        OdooDatabaseService.Create(new OdooDatabaseServiceOptions { Url = _server.BaseUrl, MasterPassword = master, Timeout = TimeSpan.FromSeconds(10) });

    private Task<OdooClient> LoginAsync(string database, string login, string password) => OdooClient.ConnectAsync(new OdooClientOptions
    {
        Url = _server.BaseUrl, Database = database, Username = login, Password = password, Timeout = TimeSpan.FromSeconds(10), RetryDelay = TimeSpan.FromMilliseconds(1),
    });

    private static Task<int> PartnersNamedAsync(OdooClient client, string name) =>
        client.Model("res.partner").SearchCountAsync(Odoo.Domains.OdooDomain.Equal("name", name));

    [Fact]
    public async Task The_databases_are_listed_and_checked_and_the_version_read()
    {
        await using var db = Service(master: null);
        Assert.Equal([_server.Database], await db.ListAsync());
        Assert.True(await db.ExistsAsync(_server.Database));
        Assert.False(await db.ExistsAsync("nothere"));
        Assert.Equal(OdooVersion.Parse("18.0"), await db.GetServerVersionAsync());
    }

    [Fact]
    public async Task A_created_database_is_listed_and_its_administrator_logs_in_to_an_empty_database()
    {
        _server.Create("res.partner", new { name = "Only in the first database" });
        await using var db = Service();

        await db.CreateAsync("fresh", new OdooDatabaseCreateOptions { AdminPassword = "fresh-admin-pw", Login = "boss", Language = "fr_FR" });

        Assert.Equal(["fresh", _server.Database], await db.ListAsync());
        Assert.True(await db.ExistsAsync("fresh"));
        await using var client = await LoginAsync("fresh", "boss", "fresh-admin-pw");
        Assert.Equal(2, client.UserId);
        Assert.Equal(0, await PartnersNamedAsync(client, "Only in the first database"));
        var admin = await client.Model("res.users").ReadAsync([2], ["login", "lang"]);
        Assert.Equal("boss", admin[0].GetProperty("login").GetString());
        Assert.Equal("fr_FR", admin[0].GetProperty("lang").GetString());
        await Assert.ThrowsAsync<OdooAccessDeniedException>(() => LoginAsync("fresh", _server.Username, _server.Password));
    }

    [Fact]
    public async Task A_duplicate_holds_the_data_of_its_source_and_changes_apart_from_it()
    {
        _server.Create("res.partner", new { name = "Copied partner" });
        await using var db = Service();

        await db.DuplicateAsync(_server.Database, "copy1");

        await using var copy = await LoginAsync("copy1", _server.Username, _server.Password);
        Assert.Equal(1, await PartnersNamedAsync(copy, "Copied partner"));
        await copy.Model("res.partner").CreateAsync(new Dictionary<string, object?> { ["name"] = "Only in the copy" });
        await using var original = await LoginAsync(_server.Database, _server.Username, _server.Password);
        Assert.Equal(0, await PartnersNamedAsync(original, "Only in the copy"));
    }

    [Fact]
    public async Task A_renamed_database_answers_under_its_new_name_only_and_a_dropped_one_is_gone()
    {
        await using var db = Service();
        await db.CreateAsync("before", new OdooDatabaseCreateOptions { AdminPassword = "pw-before" });

        await db.RenameAsync("before", "after");
        Assert.False(await db.ExistsAsync("before"));
        await using (var client = await LoginAsync("after", "admin", "pw-before")) Assert.Equal(2, client.UserId);

        await db.DropAsync("after");
        Assert.Equal([_server.Database], await db.ListAsync());
        Assert.Equal([_server.Database], _server.Databases);
        var e = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.DropAsync("after"));
        Assert.Equal("after", e.Database);
    }

    [Theory]
    [InlineData(OdooDumpFormat.Zip)]
    [InlineData(OdooDumpFormat.PgDump)]
    public async Task A_dump_restores_as_a_new_database_with_the_data_of_the_moment_it_was_taken(OdooDumpFormat format)
    {
        _server.Create("res.partner", new { name = "In the dump" });
        await using var db = Service();
        using var dump = new MemoryStream();

        await db.DumpAsync(_server.Database, dump, format);
        _server.Create("res.partner", new { name = "After the dump" });

        var bytes = dump.ToArray();
        if (format == OdooDumpFormat.Zip)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            Assert.Equal(["dump.sql", "manifest.json"], zip.Entries.Select(e => e.FullName).Order());
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            Assert.Equal(_server.Database, manifest.RootElement.GetProperty("db_name").GetString());
        }
        else
        {
            Assert.Equal("PGDMP"u8.ToArray(), bytes[..5]);
        }

        dump.Position = 0;
        await db.RestoreAsync("restored", dump, copy: true);
        await using var client = await LoginAsync("restored", _server.Username, _server.Password);
        Assert.Equal(1, await PartnersNamedAsync(client, "In the dump"));
        Assert.Equal(0, await PartnersNamedAsync(client, "After the dump"));
    }

    [Fact]
    public async Task A_dump_the_server_did_not_make_fails_as_odoo_does_and_leaves_an_empty_database()
    {
        await using var db = Service();
        var e = await Assert.ThrowsAsync<OdooServerException>(() => db.RestoreAsync("garbage", new MemoryStream([1, 2, 3])));
        Assert.Contains("Database restore error: Couldn't restore database", e.Message);
        Assert.True(await db.ExistsAsync("garbage"));
    }

    [Fact]
    public async Task Taken_and_missing_names_are_typed_errors_naming_the_database()
    {
        await using var db = Service();
        await db.CreateAsync("taken", new OdooDatabaseCreateOptions { AdminPassword = "pw-taken" });

        var create = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() => db.CreateAsync("taken", new OdooDatabaseCreateOptions { AdminPassword = "x-pw" }));
        Assert.Equal("taken", create.Database);
        Assert.Contains("database 'taken' already exists!", create.ServerMessage);
        var duplicate = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() => db.DuplicateAsync(_server.Database, "taken"));
        Assert.Equal("taken", duplicate.Database);
        var source = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.DuplicateAsync("nosource", "newcopy"));
        Assert.Equal("nosource", source.Database);
        var rename = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.RenameAsync("nosource", "newname"));
        Assert.Equal("nosource", rename.Database);
        var renameOnto = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() => db.RenameAsync(_server.Database, "taken"));
        Assert.Equal("taken", renameOnto.Database);
        var dump = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.DumpAsync("nosource", Stream.Null));
        Assert.Equal("nosource", dump.Database);
        var restore = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() => db.RestoreAsync("taken", new MemoryStream([1])));
        Assert.Equal("taken", restore.Database);
        Assert.Equal([_server.Database, "taken"], await db.ListAsync());
    }

    [Fact]
    public async Task A_wrong_master_password_is_a_typed_error_that_never_shows_the_password()
    {
        const string Wrong = "wrong-master-pw-8812";
        await using var db = Service(Wrong);
        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.CreateAsync("neverdb", new OdooDatabaseCreateOptions { AdminPassword = "admin-pw-3310" })),
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.DuplicateAsync(_server.Database, "neverdb")),
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.RenameAsync(_server.Database, "neverdb")),
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.DropAsync(_server.Database)),
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.DumpAsync(_server.Database, Stream.Null)),
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.RestoreAsync("neverdb", new MemoryStream([1]))),
        };
        foreach (var e in failures)
        {
            Assert.Contains("refused the master password", e.Message);
            Assert.DoesNotContain(Wrong, e.ToString());
            Assert.DoesNotContain("admin-pw-3310", e.ToString());
        }
        Assert.Equal([_server.Database], await db.ListAsync());
        Assert.DoesNotContain(Wrong, db.ToString());
        Assert.DoesNotContain(Wrong, new OdooDatabaseServiceOptions { Url = _server.BaseUrl, MasterPassword = Wrong }.ToString());
        Assert.DoesNotContain("admin-pw-3310", new OdooDatabaseCreateOptions { AdminPassword = "admin-pw-3310" }.ToString());
        // The server recorded no master password as a database name.
        Assert.DoesNotContain(_server.Requests, r => r.Database == Wrong || r.ToString().Contains(Wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_master_password_fails_before_any_request()
    {
        await using var db = Service(master: null);
        _server.ClearRequests();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.DropAsync(_server.Database));
        Assert.Contains("MasterPassword", e.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_disabled_database_manager_is_a_typed_error()
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { ListDatabases = false, MasterPassword = Master });
        await using var db = OdooDatabaseService.Create(new OdooDatabaseServiceOptions { Url = server.BaseUrl, MasterPassword = Master });
        await Assert.ThrowsAsync<OdooDatabaseManagerDisabledException>(() => db.ListAsync());
        await Assert.ThrowsAsync<OdooDatabaseManagerDisabledException>(() => db.CreateAsync("neverdb", new OdooDatabaseCreateOptions { AdminPassword = "pw-never" }));
    }

    [Fact]
    public async Task A_server_still_on_the_default_master_password_is_not_given_a_wrong_one()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using (var wrong = OdooDatabaseService.Create(new OdooDatabaseServiceOptions { Url = server.BaseUrl, MasterPassword = "not-the-master" }))
            await Assert.ThrowsAsync<OdooMasterPasswordException>(() => wrong.DumpAsync(server.Database, Stream.Null));
        // Odoo's /web/database/backup would have made "not-the-master" the master password; the service checked it first.
        await using var right = OdooDatabaseService.Create(new OdooDatabaseServiceOptions { Url = server.BaseUrl, MasterPassword = "admin" });
        using var dump = new MemoryStream();
        await right.DumpAsync(server.Database, dump);
        Assert.True(dump.Length > 0);
    }
}
