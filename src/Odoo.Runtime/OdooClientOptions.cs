using System.Globalization;
using System.Text;

namespace Odoo;

/// <summary>The wire protocol an <see cref="OdooClient"/> speaks.</summary>
public enum OdooProtocol
{
    /// <summary>
    /// Detect: JSON-2 when the server reports Odoo 19 or later, an <see cref="OdooClientOptions.ApiKey"/> is set, and the
    /// server answers a JSON-2 call with a 2xx JSON body; JSON-RPC otherwise (a password cannot authenticate JSON-2).
    /// </summary>
    Auto = 0,

    /// <summary>JSON-RPC on <c>/jsonrpc</c> (<c>common.login</c> + <c>object.execute_kw</c>): Odoo 8 to 19.</summary>
    JsonRpc = 1,

    /// <summary>JSON-2 on <c>/json/2/&lt;model&gt;/&lt;method&gt;</c> with a bearer API key (required; never a password): Odoo 19 and later.</summary>
    Json2 = 2,
}

/// <summary>
/// How to reach and authenticate to one Odoo database. Plain properties, so it binds from
/// configuration (<c>services.Configure&lt;OdooClientOptions&gt;(config.GetSection("Odoo"))</c>).
/// <see cref="ToString"/> never shows the password or API key.
/// </summary>
public sealed class OdooClientOptions
{
    /// <summary>The default request timeout (120 s, as Odoo's own clients use).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The server's base URL, for example <c>http://localhost:8069</c> or
    /// <c>https://erp.example.com/odoo/</c> (a path prefix is kept). Set this <em>or</em>
    /// <see cref="Host"/>. It must not contain credentials.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The server's host name, used with <see cref="Port"/> and <see cref="UseHttps"/> when <see cref="Url"/> is not set.</summary>
    public string? Host { get; set; }

    /// <summary>The port; defaults to 443 with <see cref="UseHttps"/>, 8069 (Odoo's default) without.</summary>
    public int? Port { get; set; }

    /// <summary>Whether to use https with <see cref="Host"/>.</summary>
    public bool UseHttps { get; set; }

    /// <summary>The protocol; <see cref="OdooProtocol.Auto"/> by default.</summary>
    public OdooProtocol Protocol { get; set; } = OdooProtocol.Auto;

    /// <summary>The database name. Required for JSON-RPC and auto-detection; optional for JSON-2 (sent as <c>X-Odoo-Database</c> when set).</summary>
    public string? Database { get; set; }

    /// <summary>The login. Required for JSON-RPC and auto-detection; JSON-2 identifies the user by the API key.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// The password. Over JSON-RPC it opens an authenticated web session (see <see cref="UseWebSession"/>); with
    /// only an <see cref="ApiKey"/>, or when Odoo refuses the session login, the key or password is sent with every call.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// The API key (scope <c>rpc</c>). JSON-2 sends it as the bearer token and needs it: Odoo refuses a password there.
    /// JSON-RPC uses it when no password is set. With <see cref="OdooProtocol.Auto"/> and no API key, the client uses JSON-RPC.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether a JSON-RPC password login opens an authenticated web session (<c>POST /web/session/authenticate</c>)
    /// and sends its <c>session_id</c> cookie on every call, through <c>/web/dataset/call_kw</c>; on by default.
    /// Odoo 18 serves such a call in about 6 ms where a session-less <c>/jsonrpc</c> call, which makes it check the
    /// password and build a session each time, costs about 33 ms. An expired or forgotten session is opened again
    /// once, transparently. Turn off only to compare, or for a server whose proxy strips cookies. API keys
    /// cannot open web sessions: with only <see cref="ApiKey"/> set, calls carry the key on <c>/jsonrpc</c>.
    /// </summary>
    public bool UseWebSession { get; set; } = true;

    /// <summary>Whether to verify the server's TLS certificate (on by default). Turn off only for development servers.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>
    /// A PEM or DER certificate file of a certificate authority to trust <em>in addition to</em> the
    /// system's trusted roots (for servers with a private CA).
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The server version (for example <c>18.0+e</c>); when set, no version detection request is made.</summary>
    public string? ServerVersion { get; set; }

    /// <summary>The timeout of each HTTP request; 120 s by default. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// How many times a failed <em>read</em> (a call marked read-only, a page of a stream) is retried after a connection
    /// failure, a timeout, an HTTP 5xx/429 answer or a server shutting down; 10 by default, within
    /// <see cref="ReadRetryBudget"/>. Other calls are never sent twice (except after Odoo refused an expired session,
    /// which it does before running anything). Connecting retries at most twice, so a wrong URL fails fast.
    /// </summary>
    public int MaxReadRetries { get; set; } = 10;

    /// <summary>The delay before the first retry; it doubles for each later one (with ±20% jitter), up to <see cref="MaxRetryDelay"/>. 200 ms by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two retries; 5 s by default (a larger <see cref="RetryDelay"/> wins).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long, from its first failure, a read keeps being retried: no retry starts once the wait would end past it.
    /// 15 s by default, which outlasts an Odoo restart (1.5–3 s on a quiet server). <see cref="TimeSpan.Zero"/> turns read retries off.
    /// </summary>
    public TimeSpan ReadRetryBudget { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most calls this client has in flight at once; later calls wait their turn (first come, first served,
    /// cancellable). <see langword="null"/> (the default) sets no limit. Odoo serves each request on a worker
    /// thread with a database connection: a limit near the server's capacity keeps a burst of tasks queued here,
    /// where it costs nothing, instead of inside Odoo.
    /// </summary>
    public int? MaxConcurrentCalls { get; set; }

    /// <summary>The <c>User-Agent</c> header; defaults to <c>OdooGen/&lt;version&gt;</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send requests with (for example from <c>IHttpClientFactory</c>).
    /// The client does not dispose it. Its <c>BaseAddress</c> is ignored; TLS options cannot be combined with it.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// A handler to send requests through (for example a test double). The client does not dispose it.
    /// TLS options cannot be combined with it.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Context entries sent with every call, laid over the user's context from the server.</summary>
    public OdooContext? Context { get; set; }

    /// <summary>
    /// Where the client logs (category <c>Odoo.Client</c>, <see cref="Diagnostics.OdooTelemetry.LoggerCategory"/>): connecting,
    /// the detected version and protocol, web session renewals, retried reads with the reason, and failed calls with
    /// the model and method. Never a password, an API key or a value. <see langword="null"/> (the default) logs nothing;
    /// <c>services.AddOdooClient(...)</c> sets the container's factory. Event ids: docs/logging.md.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the options, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">An option is missing, contradictory or out of range; the message and
    /// <see cref="ArgumentException.ParamName"/> name it.</exception>
    public void Validate()
    {
        if (Url is not null && !string.IsNullOrEmpty(Host))
        {
            throw new ArgumentException("Set either Url or Host (with Port and UseHttps), not both.", nameof(Url));
        }
        if (Url is null && string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Set Url (for example http://localhost:8069) or Host to say which Odoo server to connect to.", nameof(Url));
        }
        if (Url is not null)
        {
            if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("Url must be an absolute http or https URL, for example http://localhost:8069.", nameof(Url));
            }
            if (!string.IsNullOrEmpty(Url.UserInfo))
            {
                throw new ArgumentException("Url must not contain credentials; set Username and Password (or ApiKey) instead.", nameof(Url));
            }
            if (!string.IsNullOrEmpty(Url.Query) || !string.IsNullOrEmpty(Url.Fragment))
            {
                throw new ArgumentException("Url must not have a query or fragment.", nameof(Url));
            }
        }
        else if (Uri.CheckHostName(Host!.Trim()) == UriHostNameType.Unknown)
        {
            throw new ArgumentException($"Host '{Host}' is not a valid host name or IP address.", nameof(Host));
        }
        if (Port is { } port && (port < 1 || port > 65535))
        {
            throw new ArgumentException($"Port {port} is out of range (1-65535).", nameof(Port));
        }
        if (Port is not null && Url is not null)
        {
            throw new ArgumentException("Port applies to Host only; put the port in Url instead.", nameof(Port));
        }
        if (!Enum.IsDefined(Protocol))
        {
            throw new ArgumentException($"Protocol {(int)Protocol} is not one of Auto, JsonRpc, Json2.", nameof(Protocol));
        }
        if (Protocol != OdooProtocol.Json2 && string.IsNullOrWhiteSpace(Database))
        {
            throw new ArgumentException($"Database is required with protocol {Protocol}.", nameof(Database));
        }
        if (Protocol != OdooProtocol.Json2 && string.IsNullOrWhiteSpace(Username))
        {
            throw new ArgumentException($"Username is required with protocol {Protocol} (JSON-RPC logs in with it).", nameof(Username));
        }
        if (Protocol == OdooProtocol.Json2 && string.IsNullOrEmpty(ApiKey))
        {
            // odoo/addons/base/models/ir_http.py (19.0), _auth_method_bearer: the bearer token is checked with
            // res.users.apikeys._check_credentials(scope='rpc', key=token): API keys only, a password is a 401.
            throw new ArgumentException(
                "ApiKey is required with protocol Json2: Odoo's JSON-2 accepts only an API key with the rpc scope as the bearer token, " +
                "never a password (create one in Odoo under Preferences > Account Security > New API Key). " +
                "To log in with a password, use Protocol Auto or JsonRpc (JSON-RPC, deprecated since Odoo 19).",
                nameof(ApiKey));
        }
        if (string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(ApiKey))
        {
            throw new ArgumentException("Password or ApiKey is required.", nameof(Password));
        }
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentException($"Timeout must be positive (or Timeout.InfiniteTimeSpan); it is {Timeout}.", nameof(Timeout));
        }
        if (MaxReadRetries is < 0 or > 100)
        {
            throw new ArgumentException($"MaxReadRetries must be between 0 and 100; it is {MaxReadRetries}.", nameof(MaxReadRetries));
        }
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"RetryDelay must be between 0 and 5 minutes; it is {RetryDelay}.", nameof(RetryDelay));
        }
        if (MaxRetryDelay < TimeSpan.Zero || MaxRetryDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"MaxRetryDelay must be between 0 and 5 minutes; it is {MaxRetryDelay}.", nameof(MaxRetryDelay));
        }
        if (ReadRetryBudget < TimeSpan.Zero || ReadRetryBudget > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"ReadRetryBudget must be between 0 and 1 hour; it is {ReadRetryBudget}.", nameof(ReadRetryBudget));
        }
        if (MaxConcurrentCalls is < 1)
        {
            throw new ArgumentException($"MaxConcurrentCalls must be at least 1 (or null for no limit); it is {MaxConcurrentCalls}.", nameof(MaxConcurrentCalls));
        }
        if (HttpClient is not null && HttpMessageHandler is not null)
        {
            throw new ArgumentException("Set HttpClient or HttpMessageHandler, not both.", nameof(HttpMessageHandler));
        }
        if (!VerifyTls && !string.IsNullOrEmpty(CaCertificatePath))
        {
            throw new ArgumentException("CaCertificatePath has no effect with VerifyTls = false; set one or the other.", nameof(CaCertificatePath));
        }
        if ((HttpClient is not null || HttpMessageHandler is not null) && (!VerifyTls || !string.IsNullOrEmpty(CaCertificatePath)))
        {
            throw new ArgumentException(
                "VerifyTls and CaCertificatePath apply to the handler the client creates; configure TLS on the injected HttpClient/HttpMessageHandler instead.",
                !VerifyTls ? nameof(VerifyTls) : nameof(CaCertificatePath));
        }
        if (!string.IsNullOrEmpty(CaCertificatePath) && !File.Exists(CaCertificatePath))
        {
            throw new ArgumentException($"CaCertificatePath '{CaCertificatePath}' does not exist.", nameof(CaCertificatePath));
        }
        if (ServerVersion is not null && !OdooVersion.TryParse(ServerVersion, out _))
        {
            throw new ArgumentException($"ServerVersion '{ServerVersion}' is not an Odoo version (expected something like 18.0, 18.0+e or saas~17.2).", nameof(ServerVersion));
        }
        if (UserAgent is not null && (UserAgent.Length == 0 || UserAgent.Contains('\r') || UserAgent.Contains('\n')))
        {
            throw new ArgumentException("UserAgent must be a non-empty single line.", nameof(UserAgent));
        }
    }

    /// <summary>The base URL the options describe (always ending with <c>/</c>).</summary>
    /// <exception cref="ArgumentException">Neither <see cref="Url"/> nor <see cref="Host"/> is set.</exception>
    public Uri GetBaseUrl()
    {
        if (Url is not null)
        {
            var b = new UriBuilder(Url) { Query = string.Empty, Fragment = string.Empty, UserName = string.Empty, Password = string.Empty };
            if (!b.Path.EndsWith('/')) b.Path += "/";
            return b.Uri;
        }
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("Set Url or Host.", nameof(Host));
        var scheme = UseHttps ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var p = Port ?? (UseHttps ? 443 : 8069);
        return new UriBuilder(scheme, Host.Trim(), p, "/").Uri;
    }

    /// <summary>Describes the options with the password and API key masked.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("OdooClientOptions { ");
        if (Url is not null) sb.Append("Url = ").Append(SafeUrl(Url));
        else sb.Append("Host = ").Append(Host).Append(", Port = ").Append(Port?.ToString(CultureInfo.InvariantCulture) ?? "(default)").Append(", UseHttps = ").Append(UseHttps);
        sb.Append(", Protocol = ").Append(Protocol)
          .Append(", Database = ").Append(Database)
          .Append(", Username = ").Append(Username)
          .Append(", Password = ").Append(Mask(Password))
          .Append(", ApiKey = ").Append(Mask(ApiKey))
          .Append(", VerifyTls = ").Append(VerifyTls);
        if (!UseWebSession) sb.Append(", UseWebSession = false");
        if (CaCertificatePath is not null) sb.Append(", CaCertificatePath = ").Append(CaCertificatePath);
        if (ServerVersion is not null) sb.Append(", ServerVersion = ").Append(ServerVersion);
        sb.Append(", Timeout = ").Append(Timeout.ToString("c", CultureInfo.InvariantCulture))
          .Append(", MaxReadRetries = ").Append(MaxReadRetries)
          .Append(", ReadRetryBudget = ").Append(ReadRetryBudget.ToString("c", CultureInfo.InvariantCulture));
        if (MaxConcurrentCalls is { } limit) sb.Append(", MaxConcurrentCalls = ").Append(limit);
        if (UserAgent is not null) sb.Append(", UserAgent = ").Append(UserAgent);
        if (HttpClient is not null) sb.Append(", HttpClient = (injected)");
        if (HttpMessageHandler is not null) sb.Append(", HttpMessageHandler = (injected)");
        if (Context is { Count: > 0 }) sb.Append(", Context = ").Append(Context);
        return sb.Append(" }").ToString();
    }

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";

    private static string SafeUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo)) return url.ToString();
        return new UriBuilder(url) { UserName = "***", Password = string.Empty }.Uri.ToString();
    }
}
