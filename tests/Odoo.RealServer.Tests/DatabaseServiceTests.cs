using System.IO.Compression;
using Odoo.Databases;
using Xunit.Abstractions;

namespace Odoo.RealServer.Tests;

/// <summary>
/// The database service on the real server, on scratch databases only (named <c>scratch_rep17_*</c>; the suite's own
/// database is only read). The master password comes from <c>ODOO_MASTER_PASSWORD</c>, else Odoo's default, <c>admin</c>.
/// </summary>
[Collection(RealOdooCollection.Name)]
public sealed class DatabaseServiceTests(ITestOutputHelper output)
{
    private static readonly string Master = Environment.GetEnvironmentVariable("ODOO_MASTER_PASSWORD") is { Length: > 0 } m ? m : "admin";

    private static readonly string Scratch = $"scratch_rep17_{DateTime.UtcNow:MMddHHmmss}{Random.Shared.Next(100, 999)}";

    private static OdooDatabaseService Service(string? master = null) =>
        OdooDatabaseService.Create(new OdooDatabaseServiceOptions { Url = new Uri(RealOdoo.Url), MasterPassword = master ?? Master });

    [Fact]
    public async Task A_scratch_database_is_created_duplicated_renamed_dumped_restored_and_dropped()
    {
        await using var db = Service();
        string[] names = [Scratch, Scratch + "_dup", Scratch + "_ren", Scratch + "_restored"];
        try
        {
            await db.CreateAsync(Scratch, new OdooDatabaseCreateOptions { AdminPassword = "scratch-admin-pw", Demo = false, Language = "en_US" });
            Assert.True(await db.ExistsAsync(Scratch));
            Assert.Contains(Scratch, await db.ListAsync());

            await db.DuplicateAsync(Scratch, names[1]);
            await db.RenameAsync(names[1], names[2]);
            Assert.False(await db.ExistsAsync(names[1]));
            Assert.True(await db.ExistsAsync(names[2]));
            await db.DropAsync(names[2]);
            Assert.False(await db.ExistsAsync(names[2]));

            var path = Path.Combine(Path.GetTempPath(), Scratch + ".zip");
            try
            {
                await db.DumpToFileAsync(Scratch, path);
                output.WriteLine($"dump of {Scratch}: {new FileInfo(path).Length} bytes");
                using (var zip = ZipFile.OpenRead(path))
                {
                    Assert.Contains(zip.Entries, e => e.FullName == "dump.sql");
                    Assert.Contains(zip.Entries, e => e.FullName == "manifest.json");
                }
                await db.RestoreFromFileAsync(names[3], path, copy: true);
            }
            finally
            {
                File.Delete(path);
            }
            Assert.True(await db.ExistsAsync(names[3]));
            var again = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() => db.RestoreFromFileAsync(names[3], Path.Combine(AppContext.BaseDirectory, "Odoo.RealServer.Tests.dll")));
            Assert.Equal(names[3], again.Database);

            await db.DropAsync(names[3]);
            await db.DropAsync(Scratch);
            Assert.False(await db.ExistsAsync(Scratch));
            Assert.False(await db.ExistsAsync(names[3]));
        }
        finally
        {
            foreach (var name in names)
            {
                try
                {
                    if (await db.ExistsAsync(name)) await db.DropAsync(name);
                }
                catch (OdooException ex)
                {
                    output.WriteLine($"could not drop {name}: {ex.Message}");
                }
            }
        }
    }

    [Fact]
    public async Task The_version_and_the_suites_database_are_reported()
    {
        await using var db = Service();
        Assert.Equal(18, (await db.GetServerVersionAsync()).Major);
        Assert.True(await db.ExistsAsync(RealOdoo.Database));
        Assert.False(await db.ExistsAsync(Scratch + "_never"));
        Assert.Contains(RealOdoo.Database, await db.ListAsync());
    }

    [Fact]
    public async Task A_wrong_master_password_is_a_typed_error_without_the_password()
    {
        const string wrong = "not-the-master-password-17";
        await using var db = Service(wrong);
        var e = await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.DropAsync(Scratch + "_never"));
        Assert.Contains("master password", e.Message);
        Assert.DoesNotContain(wrong, e.ToString());
        // Dump and restore check the password before the database manager's routes (which would store a wrong one as the new master password on a server still using the default).
        await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.DumpAsync(RealOdoo.Database, Stream.Null));
        await Assert.ThrowsAsync<OdooMasterPasswordException>(() => db.RestoreAsync(Scratch + "_never", new MemoryStream([1, 2, 3])));
        await using var right = Service();
        Assert.False(await right.ExistsAsync(Scratch + "_never"));
    }

    [Fact]
    public async Task Taken_and_missing_names_are_typed_errors()
    {
        await using var db = Service();
        var exists = await Assert.ThrowsAsync<OdooDatabaseExistsException>(() =>
            db.CreateAsync(RealOdoo.Database, new OdooDatabaseCreateOptions { AdminPassword = "unused-pw-1234" }));
        Assert.Equal(RealOdoo.Database, exists.Database);
        var drop = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.DropAsync(Scratch + "_never"));
        Assert.Equal(Scratch + "_never", drop.Database);
        var rename = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.RenameAsync(Scratch + "_never", Scratch + "_never2"));
        Assert.Equal(Scratch + "_never", rename.Database);
        var dump = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => db.DumpAsync(Scratch + "_never", Stream.Null));
        Assert.Equal(Scratch + "_never", dump.Database);
    }
}
