using Odoo.Testing;

namespace Odoo.Cli.Tests;

/// <summary>Usage, connection and authentication errors: one clear line on stderr, exit code 2, no stack trace, no secret.</summary>
public sealed class ErrorTests
{
    private static void AssertOneLine(CliRun run, string expected, params string[] secrets)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrLines);
        Assert.StartsWith("odoogen: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
        foreach (var s in secrets)
        {
            Assert.DoesNotContain(s, run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain(s, run.Out, StringComparison.Ordinal);
        }
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    [InlineData("localhost:8069")]
    public async Task A_malformed_url_is_a_usage_error(string url)
    {
        var run = await Cli.RunAsync(["scaffold", "res.partner", "--url", url, "-d", "db", "-u", "admin", "-p", "s3cret-pw"]);
        AssertOneLine(run, "is not an http or https URL", "s3cret-pw");
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "res.partner", "-o", dir.Path, "--url", "http://127.0.0.1:1", "-d", "db", "-u", "admin", "-p", "s3cret-pw", "--timeout", "5"]);
        AssertOneLine(run, "127.0.0.1:1", "s3cret-pw");
        Assert.Contains("--url", run.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_server_that_is_not_odoo_is_one_line()
    {
        await using var server = await OdooTestServer.StartAsync();
        var run = await Cli.RunAsync(["check", "-a", typeof(Odoo.Models.OpenStack.ReferralCode).Assembly.Location, "--url", new Uri(server.BaseUrl, "nothing-here/").ToString(),
            "-d", server.Database, "-u", server.Username, "-p", server.Password]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.ErrLines);
    }

    [Fact]
    public async Task A_missing_database_is_one_line_naming_the_servers_databases()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "res.partner", "-o", dir.Path, "--url", server.BaseUrl.ToString(), "-d", "no_such_db", "-u", server.Username, "-p", server.Password]);
        AssertOneLine(run, $"Odoo has no database 'no_such_db' (or its db_filter hides it). The server lists: {server.Database}. Set --database (or ODOO_DATABASE) to a database of this server.");
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("scaffold")]
    [InlineData("check")]
    public async Task Bad_credentials_are_one_line_without_the_password(string command)
    {
        await using var server = await OdooTestServer.StartAsync();
        string[] target = command == "scaffold" ? ["res.partner"] : ["--assembly", typeof(Odoo.Models.OpenStack.ReferralCode).Assembly.Location];
        var run = await Cli.RunAsync([command, .. target, "--url", server.BaseUrl.ToString(), "-d", server.Database, "-u", server.Username, "-p", "wrong-Pa55word"]);
        AssertOneLine(run, "login refused", "wrong-Pa55word");

        run = await Cli.RunAsync([command, .. target, "--url", server.BaseUrl.ToString(), "--protocol", "json2", "--api-key", "wrong-api-key-123"]);
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrLines);
        Assert.DoesNotContain("wrong-api-key-123", run.Err, StringComparison.Ordinal);
        Assert.StartsWith("odoogen: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_one_line_naming_it()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "res.partner", "x.does_not_exist", "-o", dir.Path, "-q", .. Cli.Connection(server)]);
        AssertOneLine(run, "The model 'x.does_not_exist' does not exist on the Odoo server", server.Password);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Usage_errors_say_what_to_do()
    {
        AssertOneLine(await Cli.RunAsync(["frobnicate"]), "unknown command 'frobnicate'");
        AssertOneLine(await Cli.RunAsync(["scaffold"]), "name at least one model");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res partner"]), "is not an Odoo model name");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--bogus"]), "unknown option '--bogus'");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--namespace", "1Bad.Name", "--url", "http://x"]), "--namespace '1Bad.Name'");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner"]), "no server: pass --url");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--url", "http://x"]), "no database: pass --database or set ODOO_DATABASE");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--url", "http://x", "-d", "db", "-u", "u"]), "no password: pass --password or --api-key");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--url", "http://x", "-d", "db", "-u", "u", "-p", "pw", "--protocol", "soap"]), "--protocol 'soap'");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--url", "http://x", "-d", "db", "-u", "u", "-p", "pw", "--ca-file", "/nope.pem"]), "--ca-file '/nope.pem' does not exist");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--url", "http://user:pw@x", "-d", "db", "-u", "u", "-p", "pw"]), "must not contain credentials", "user:pw");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--out"]), "--out needs a value.");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--max-models", "0"]), "--max-models '0' is not a positive number.");
        AssertOneLine(await Cli.RunAsync(["scaffold", "res.partner", "--timeout", "soon", "-p", "s3cret-pw"]), "--timeout 'soon' is not a number of seconds.", "s3cret-pw");
        AssertOneLine(await Cli.RunAsync(["check", "-a", "Models.dll", "--bogus=1"]), "unknown option '--bogus'");
        AssertOneLine(await Cli.RunAsync(["check"]), "name the assembly");
        AssertOneLine(await Cli.RunAsync(["check", "--assembly", "/nope/Models.dll"]), "the assembly '/nope/Models.dll' does not exist");
        AssertOneLine(await Cli.RunAsync(["check", "--assembly", typeof(ErrorTests).Assembly.Location, "--fail-on", "sometimes"]), "--fail-on 'sometimes'");
        using var dir = new TempDir();
        File.WriteAllText(dir.File("NotAnAssembly.dll"), "hello");
        AssertOneLine(await Cli.RunAsync(["check", "--assembly", dir.File("NotAnAssembly.dll"), "--url", "http://x"]), "is not a .NET assembly");
    }

    [Fact]
    public async Task Help_and_version()
    {
        var run = await Cli.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("odoogen scaffold MODEL...", run.Out, StringComparison.Ordinal);
        run = await Cli.RunAsync(["scaffold", "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--follow-relations", run.Out, StringComparison.Ordinal);
        run = await Cli.RunAsync(["help", "check"]);
        Assert.Contains("--fail-on", run.Out, StringComparison.Ordinal);
        run = await Cli.RunAsync(["--version"]);
        Assert.StartsWith("odoogen ", run.Out, StringComparison.Ordinal);
        run = await Cli.RunAsync([]);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Connection_settings_come_from_the_environment_and_the_password_from_a_prompt()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var dir = new TempDir();
        var env = new Dictionary<string, string>
        {
            ["ODOO_URL"] = server.BaseUrl.ToString(),
            ["ODOO_DATABASE"] = server.Database,
            ["ODOO_USERNAME"] = server.Username,
            ["ODOO_PASSWORD"] = server.Password,
        };
        var run = await Cli.RunAsync(["scaffold", "res.country", "-o", dir.Path, "-q"], env);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(dir.File("Country.cs")));

        // No password anywhere and a terminal: prompt (once), naming the user and database.
        env.Remove("ODOO_PASSWORD");
        var prompts = new List<string>();
        run = await Cli.RunAsync(["scaffold", "res.country", "-o", dir.Path, "-q", "--force"], env, prompt =>
        {
            prompts.Add(prompt);
            return server.Password;
        });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"Password for {server.Username}@{server.Database}: "], prompts);

        // The API key variable works as well (JSON-RPC accepts it in place of the password).
        env["ODOO_API_KEY"] = server.ApiKey;
        run = await Cli.RunAsync(["scaffold", "res.country", "-o", dir.Path, "-q", "--force"], env);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Options win over the environment.
        run = await Cli.RunAsync(["scaffold", "res.country", "-o", dir.Path, "-q", "--force", "--url", "http://127.0.0.1:1", "--timeout", "5"], env);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("127.0.0.1:1", run.Err, StringComparison.Ordinal);
    }
}
