using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="OdooClientOptions"/> from a configuration section, by hand rather than with the
/// configuration binder: the binder (reflection or generated) would descend into <see cref="OdooClientOptions.HttpClient"/>
/// and cannot build <see cref="OdooContext"/>; this stays trimming- and AOT-safe and names the key of a bad value.
/// Keys are the property names (case-insensitive, as configuration is); values use the invariant culture
/// (<c>Timeout</c>: <c>00:00:30</c>). Keys that are absent leave the option as it is.
/// </summary>
internal sealed class OdooClientOptionsBinder(IConfiguration configuration, string name) : IConfigureNamedOptions<OdooClientOptions>
{
    public OdooClientOptionsBinder(IConfiguration configuration)
        : this(configuration, Options.DefaultName)
    {
    }

    /// <summary>Binds the options of the client named <paramref name="optionsName"/> when it is this binder's (a keyed client's options are named after its key).</summary>
    public void Configure(string? optionsName, OdooClientOptions options)
    {
        if (string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal)) Configure(options);
    }

    public void Configure(OdooClientOptions options)
    {
        if (Get(nameof(OdooClientOptions.Url)) is { } url) options.Url = ParseUrl(url);
        if (Get(nameof(OdooClientOptions.Host)) is { } host) options.Host = host;
        if (Get(nameof(OdooClientOptions.Port)) is { } port) options.Port = Parse(port, nameof(OdooClientOptions.Port), ParseInt);
        if (Get(nameof(OdooClientOptions.UseHttps)) is { } useHttps) options.UseHttps = Parse(useHttps, nameof(OdooClientOptions.UseHttps), ParseBool);
        if (Get(nameof(OdooClientOptions.Protocol)) is { } protocol) options.Protocol = Parse(protocol, nameof(OdooClientOptions.Protocol), ParseProtocol);
        if (Get(nameof(OdooClientOptions.Database)) is { } database) options.Database = database;
        if (Get(nameof(OdooClientOptions.Username)) is { } username) options.Username = username;
        if (Get(nameof(OdooClientOptions.Password)) is { } password) options.Password = password;
        if (Get(nameof(OdooClientOptions.ApiKey)) is { } apiKey) options.ApiKey = apiKey;
        if (Get(nameof(OdooClientOptions.VerifyTls)) is { } verifyTls) options.VerifyTls = Parse(verifyTls, nameof(OdooClientOptions.VerifyTls), ParseBool);
        if (Get(nameof(OdooClientOptions.CaCertificatePath)) is { } caPath) options.CaCertificatePath = caPath;
        if (Get(nameof(OdooClientOptions.ServerVersion)) is { } serverVersion) options.ServerVersion = serverVersion;
        if (Get(nameof(OdooClientOptions.Timeout)) is { } timeout) options.Timeout = Parse(timeout, nameof(OdooClientOptions.Timeout), ParseTimeSpan);
        if (Get(nameof(OdooClientOptions.MaxReadRetries)) is { } retries) options.MaxReadRetries = Parse(retries, nameof(OdooClientOptions.MaxReadRetries), ParseInt);
        if (Get(nameof(OdooClientOptions.RetryDelay)) is { } retryDelay) options.RetryDelay = Parse(retryDelay, nameof(OdooClientOptions.RetryDelay), ParseTimeSpan);
        if (Get(nameof(OdooClientOptions.MaxRetryDelay)) is { } maxRetryDelay) options.MaxRetryDelay = Parse(maxRetryDelay, nameof(OdooClientOptions.MaxRetryDelay), ParseTimeSpan);
        if (Get(nameof(OdooClientOptions.ReadRetryBudget)) is { } budget) options.ReadRetryBudget = Parse(budget, nameof(OdooClientOptions.ReadRetryBudget), ParseTimeSpan);
        if (Get(nameof(OdooClientOptions.MaxConcurrentCalls)) is { } maxCalls) options.MaxConcurrentCalls = Parse(maxCalls, nameof(OdooClientOptions.MaxConcurrentCalls), ParseInt);
        if (Get(nameof(OdooClientOptions.UseWebSession)) is { } useWebSession) options.UseWebSession = Parse(useWebSession, nameof(OdooClientOptions.UseWebSession), ParseBool);
        if (Get(nameof(OdooClientOptions.UserAgent)) is { } userAgent) options.UserAgent = userAgent;
        BindContext(options);
    }

    /// <summary>The option names bound from configuration (the tests check it against the options' properties).</summary>
    internal static IReadOnlyList<string> BoundOptions { get; } =
    [
        nameof(OdooClientOptions.Url), nameof(OdooClientOptions.Host), nameof(OdooClientOptions.Port), nameof(OdooClientOptions.UseHttps),
        nameof(OdooClientOptions.Protocol), nameof(OdooClientOptions.Database), nameof(OdooClientOptions.Username), nameof(OdooClientOptions.Password),
        nameof(OdooClientOptions.ApiKey), nameof(OdooClientOptions.VerifyTls), nameof(OdooClientOptions.CaCertificatePath),
        nameof(OdooClientOptions.ServerVersion), nameof(OdooClientOptions.Timeout), nameof(OdooClientOptions.MaxReadRetries),
        nameof(OdooClientOptions.RetryDelay), nameof(OdooClientOptions.UserAgent), nameof(OdooClientOptions.Context),
        nameof(OdooClientOptions.MaxRetryDelay), nameof(OdooClientOptions.ReadRetryBudget), nameof(OdooClientOptions.MaxConcurrentCalls),
        nameof(OdooClientOptions.UseWebSession),
    ];

    private string? Get(string key) => configuration[key];

    private T Parse<T>(string text, string key, Func<string, (bool Ok, T Value)> parse)
    {
        var (ok, value) = parse(text.Trim());
        if (ok) return value;
        // The value itself is left out: the key could be next to a secret in a badly formed file.
        throw new InvalidOperationException($"The configuration value at '{Path(key)}' is not a valid {Describe(typeof(T))}.");
    }

    private string Path(string key) => configuration is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, key) : key;

    private static string Describe(Type type) =>
        type == typeof(int) ? "integer" :
        type == typeof(bool) ? "boolean (true or false)" :
        type == typeof(TimeSpan) ? "time span (for example 00:00:30)" :
        type == typeof(OdooProtocol) ? "protocol (Auto, JsonRpc or Json2)" :
        type.Name;

    private Uri ParseUrl(string text)
    {
        // Validation (absolute http/https, no credentials) is OdooClientOptions.Validate's job; here only "is it a URI".
        if (Uri.TryCreate(text.Trim(), UriKind.RelativeOrAbsolute, out var uri)) return uri;
        throw new InvalidOperationException($"The configuration value at '{Path(nameof(OdooClientOptions.Url))}' is not a URL.");
    }

    private static (bool, int) ParseInt(string s) => (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v);

    private static (bool, bool) ParseBool(string s) => (bool.TryParse(s, out var v), v);

    private static (bool, TimeSpan) ParseTimeSpan(string s) => (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var v), v);

    private static (bool, OdooProtocol) ParseProtocol(string s) =>
        s.Length > 0 && Enum.TryParse<OdooProtocol>(s, ignoreCase: true, out var v) && !char.IsAsciiDigit(s[0]) && s[0] != '-' && Enum.IsDefined(v) ? (true, v) : (false, default);

    /// <summary>
    /// <c>"Context": { "lang": "fr_FR", "active_test": "false", "allowed_company_ids": ["1", "3"] }</c>. Configuration
    /// values are strings and Odoo's context is JSON, so <c>true</c>/<c>false</c> become booleans, integers become
    /// numbers, indexed children (a JSON array) a list and other children a dictionary.
    /// </summary>
    private void BindContext(OdooClientOptions options)
    {
        var entries = configuration.GetSection(nameof(OdooClientOptions.Context)).GetChildren().ToList();
        if (entries.Count == 0) return;
        var context = options.Context ?? OdooContext.Empty;
        foreach (var entry in entries) context = context.With(entry.Key, ContextValue(entry));
        options.Context = context;
    }

    private static object? ContextValue(IConfigurationSection entry)
    {
        if (entry.Value is { } value)
        {
            if (bool.TryParse(value, out var b)) return b;
            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
            return value;
        }
        var children = entry.GetChildren().ToList();
        if (children.Count == 0) return null;
        if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return children.OrderBy(c => int.Parse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture)).Select(ContextValue).ToArray();
        }
        return children.ToDictionary(c => c.Key, ContextValue, StringComparer.Ordinal);
    }
}

/// <summary>Tells <see cref="IOptionsMonitor{TOptions}"/> when the bound section reloads.</summary>
internal sealed class OdooClientOptionsChangeTokenSource(IConfiguration configuration, string name) : IOptionsChangeTokenSource<OdooClientOptions>
{
    public OdooClientOptionsChangeTokenSource(IConfiguration configuration)
        : this(configuration, Options.DefaultName)
    {
    }

    public string Name => name;

    public IChangeToken GetChangeToken() => configuration.GetReloadToken();
}
