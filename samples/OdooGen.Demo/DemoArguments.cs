namespace OdooGen.Demo;

/// <summary>
/// The command line: nothing for the in-memory Odoo, or where a real Odoo is (<c>--url</c>,
/// <c>--database</c>, <c>--username</c>, <c>--password</c>, each also read from <c>ODOO_URL</c>,
/// <c>ODOO_DATABASE</c>, <c>ODOO_USERNAME</c>, <c>ODOO_PASSWORD</c>; the command line wins).
/// </summary>
internal sealed record DemoArguments
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/OdooGen.Demo [-- options]

        Without options the demo starts an in-memory Odoo (Odoo.Testing) seeded with OpenStack
        billing data and walks the whole flow, with the requests each step sends.

        Against a real Odoo with the OpenStack add-on (read-only: nothing is written):
          --url <url>          the server, e.g. https://erp.example.com       (or ODOO_URL)
          --database <name>    the database                                   (or ODOO_DATABASE)
          --username <login>   the login                                      (or ODOO_USERNAME)
          --password <secret>  the password or an API key                     (or ODOO_PASSWORD)
          --code <code>        the referral code to look up (default: the first one)
          -h, --help           show this text
        """;

    /// <summary>The real Odoo's URL; <see langword="null"/> for the in-memory one.</summary>
    public Uri? Url { get; init; }

    /// <summary>The database.</summary>
    public string? Database { get; init; }

    /// <summary>The login.</summary>
    public string? Username { get; init; }

    /// <summary>The password or API key.</summary>
    public string? Password { get; init; }

    /// <summary>The referral code to look up.</summary>
    public string? Code { get; init; }

    /// <summary>Whether to print the usage and stop.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Reads the command line, falling back to the environment variables.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <exception cref="DemoUsageException">An unknown option, a missing value, a bad URL or missing settings.</exception>
    public static DemoArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?") return new DemoArguments { ShowHelp = true };

            var (name, value) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (name is not ("--url" or "--database" or "--username" or "--password" or "--code"))
            {
                throw new DemoUsageException($"unknown option '{arg}'");
            }
            value ??= i + 1 < args.Count ? args[++i] : throw new DemoUsageException($"{name} needs a value");
            given[name] = value;
        }

        string? Setting(string option, string variable) =>
            given.TryGetValue(option, out var value) ? value : NullIfEmpty(environment(variable));

        var url = Setting("--url", "ODOO_URL");
        var arguments = new DemoArguments
        {
            Url = url is null ? null : ParseUrl(url),
            Database = Setting("--database", "ODOO_DATABASE"),
            Username = Setting("--username", "ODOO_USERNAME"),
            Password = Setting("--password", "ODOO_PASSWORD"),
            Code = given.GetValueOrDefault("--code"),
        };
        if (arguments.Url is not null)
        {
            Require(arguments.Database, "--database", "ODOO_DATABASE");
            Require(arguments.Username, "--username", "ODOO_USERNAME");
            Require(arguments.Password, "--password", "ODOO_PASSWORD");
        }
        else if (given.Keys.Any(k => k != "--code"))
        {
            throw new DemoUsageException("--database, --username and --password need --url (or ODOO_URL)");
        }
        return arguments;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new DemoUsageException($"'{text}' is not an http(s) URL, e.g. https://erp.example.com");

    private static void Require(string? value, string option, string variable)
    {
        if (value is null) throw new DemoUsageException($"{option} (or {variable}) is required with --url");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The command line is wrong; the message says how.</summary>
/// <param name="message">What is wrong.</param>
internal sealed class DemoUsageException(string message) : Exception(message);
