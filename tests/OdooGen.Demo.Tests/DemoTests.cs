using System.Text.RegularExpressions;
using Odoo.Testing;
using OdooGen.Demo.Embedded;

namespace OdooGen.Demo.Tests;

/// <summary>Runs the demo in-process, as <c>dotnet run --project samples/OdooGen.Demo</c> would, and checks what it prints.</summary>
public sealed partial class DemoTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task The_embedded_flow_exits_0_and_prints_every_step_with_its_request_count()
    {
        var run = await RunAsync([]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(
            [
                ("Look up a referral code by its code", 1),
                ("Its credit type's id and name: already in the record, no request", 0),
                ("Its credit type, the full record: one request, then cached", 1),
                ("Search codes with a typed domain", 1),
                ("Load the referrals of all those codes at once (no N+1)", 1),
                ("Stream every code, page by page", 6), // one count, then 125 codes in pages of 25
                ("Find the project to bill, its products and currency", 3),
                ("Create a sale order with its lines in one call", 1),
                ("Read the order back with its lines", 2),
            ],
            Steps(run.Output));
        Assert.Contains("WELCOME10     unlimited      50.00    30  Referral Credit", run.Output, StringComparison.Ordinal);
        Assert.Contains("WELCOME10     Aroha Ngata, Ben Carter, Tui Labs Ltd", run.Output, StringComparison.Ordinal);
        // Output redirected: one progress line with the final count, not one per page.
        Assert.Single(Lines(run.Output), l => l.Contains("/125 codes", StringComparison.Ordinal));
        Assert.Contains("[####################] 125/125 codes", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Order\s+S00042", run.Output);
        Assert.Matches(@"Total \(taxes excluded\)\s+105\.18", run.Output);
        Assert.Matches(@"Total\s+18\r?\n", run.Output);
    }

    [Fact]
    public async Task Against_a_real_odoo_it_runs_the_read_only_part_and_writes_nothing()
    {
        await using var server = await EmbeddedOdoo.StartAsync();

        var run = await RunAsync(["--url", server.BaseUrl.ToString(), "--database", server.Database, "--username", server.Username, "--password", server.Password]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(6, Steps(run.Output).Count);
        Assert.Contains("no --code given: take the first one", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method is "create" or "write" or "unlink");
        // Counted on the client side, so every HTTP request the client sent is in the total; the logout that
        // disposing the client sends comes after the summary is printed.
        Assert.Equal(1, server.CountRequests(r => r.Path == "/web/session/destroy"));
        Assert.Matches($@"Total\s+{server.CountRequests() - 1}\r?\n", run.Output);
    }

    [Fact]
    public async Task The_connection_settings_can_come_from_the_environment()
    {
        await using var server = await EmbeddedOdoo.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["ODOO_URL"] = server.BaseUrl.ToString(),
            ["ODOO_DATABASE"] = server.Database,
            ["ODOO_USERNAME"] = server.Username,
            ["ODOO_PASSWORD"] = server.ApiKey, // an API key works in place of the password
        };

        var run = await RunAsync(["--code", "ACME-PARTNER"], environment.GetValueOrDefault);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GetByCodeAsync(\"ACME-PARTNER\")", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_credentials_end_with_one_line_and_exit_1()
    {
        await using var server = await OdooTestServer.StartAsync();

        var run = await RunAsync(["--url", server.BaseUrl.ToString(), "--database", server.Database, "--username", "admin", "--password", "wrong"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Equal($"error: Odoo at {server.BaseUrl} refused the login of 'admin' on database '{server.Database}'; check the username and password (or API key).", line);
    }

    [Fact]
    public async Task An_unreachable_url_ends_with_one_line_and_exit_1()
    {
        var run = await RunAsync(["--url", $"http://127.0.0.1:{UnusedPort()}", "--database", "odoo", "--username", "admin", "--password", "admin"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("error: cannot reach Odoo at http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Odoo.", line, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task A_url_that_is_not_odoo_ends_with_one_line_and_exit_1()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.Faults.Add(OdooFault.Html()); // e.g. a proxy's login page

        var run = await RunAsync(["--url", server.BaseUrl.ToString(), "--database", "odoodb", "--username", "admin", "--password", "admin"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(Lines(run.Error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "error: unknown option '--bogus' (see --help)")]
    [InlineData("--url", "error: --url needs a value (see --help)")]
    [InlineData("--url=ftp://example.com", "error: 'ftp://example.com' is not an http(s) URL, e.g. https://erp.example.com (see --help)")]
    [InlineData("--url=http://example.com", "error: --database (or ODOO_DATABASE) is required with --url (see --help)")]
    [InlineData("--username=admin", "error: --database, --username and --password need --url (or ODOO_URL) (see --help)")]
    public async Task A_wrong_command_line_ends_with_one_line_and_exit_2(string arg, string expected)
    {
        var run = await RunAsync([arg]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, Assert.Single(Lines(run.Error)));
    }

    [Fact]
    public async Task On_a_terminal_progress_redraws_one_line_in_place()
    {
        var output = new StringWriter();
        var exitCode = await DemoApp.RunAsync([], output, new StringWriter(), NoEnvironment, interactive: true);

        Assert.Equal(0, exitCode);
        var progress = Assert.Single(output.ToString().Split('\n'), l => l.Contains("/125 codes", StringComparison.Ordinal));
        Assert.StartsWith("\r   [####................]  25/125 codes\r", progress, StringComparison.Ordinal);
        Assert.EndsWith("\r   [####################] 125/125 codes", progress.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var run = await RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--url <url>", run.Output, StringComparison.Ordinal);
    }

    private static async Task<DemoRun> RunAsync(string[] args, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DemoApp.RunAsync(args, output, error, environment ?? NoEnvironment);
        return new DemoRun(exitCode, output.ToString(), error.ToString());
    }

    private static List<(string Title, int Requests)> Steps(string output) =>
        [.. StepPattern().Matches(output).Select(m => (m.Groups["title"].Value, int.Parse(m.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    private static string[] Lines(string text) => text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "3. Its credit type ...\n ... \n   -> 1 request"
    [GeneratedRegex(@"^\d+\. (?<title>.+?)\r?\n(?:.*\r?\n)*?   -> (?<requests>\d+) requests?$", RegexOptions.Multiline)]
    private static partial Regex StepPattern();

    private sealed record DemoRun(int ExitCode, string Output, string Error);
}
