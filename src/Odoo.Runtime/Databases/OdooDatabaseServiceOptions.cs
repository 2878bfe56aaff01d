using System.Globalization;
using System.Text;

namespace Odoo.Databases;

/// <summary>Where the database service connects, and with which master password. Read once by <see cref="OdooDatabaseService.Create"/>.</summary>
public sealed class OdooDatabaseServiceOptions
{
    /// <summary>The default <see cref="Timeout"/>: 30 minutes (creating a database with demo data, or dumping a large one, takes minutes).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The server's base URL, for example <c>https://odoo.example.com</c>. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The master password (the database manager's password, <c>admin_passwd</c> in Odoo's configuration). Needed by
    /// every operation except <see cref="OdooDatabaseService.ListAsync"/>, <see cref="OdooDatabaseService.ExistsAsync"/>
    /// and <see cref="OdooDatabaseService.GetServerVersionAsync"/>. Never appears in a message, a log or <see cref="ToString"/>.
    /// </summary>
    public string? MasterPassword { get; set; }

    /// <summary>How long one request may wait for Odoo's answer (default <see cref="DefaultTimeout"/>); a dump's or restore's transfer is bounded by the cancellation token only.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Whether to verify the server's TLS certificate (default <see langword="true"/>).</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>A PEM file of the certificate authority to trust besides the system's (for a private CA).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The User-Agent header; <see langword="null"/> for the library's.</summary>
    public string? UserAgent { get; set; }

    /// <summary>An <see cref="System.Net.Http.HttpClient"/> to send through (not disposed by the service).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler to send through (not disposed by the service); ignored when <see cref="HttpClient"/> is set.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Describes the options with the master password masked.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("OdooDatabaseServiceOptions { Url = ");
        sb.Append(Url is { IsAbsoluteUri: true, UserInfo.Length: > 0 } u ? new UriBuilder(u) { UserName = "***", Password = string.Empty }.Uri.ToString() : Url?.ToString() ?? "(not set)")
          .Append(", MasterPassword = ").Append(string.IsNullOrEmpty(MasterPassword) ? "(not set)" : "***")
          .Append(", Timeout = ").Append(Timeout.ToString("c", CultureInfo.InvariantCulture))
          .Append(", VerifyTls = ").Append(VerifyTls);
        if (HttpClient is not null) sb.Append(", HttpClient = (injected)");
        if (HttpMessageHandler is not null) sb.Append(", HttpMessageHandler = (injected)");
        return sb.Append(" }").ToString();
    }

    internal OdooClientOptions ToClientOptions() => new()
    {
        Url = Url ?? throw new ArgumentException("Set Url: the server's base URL.", nameof(Url)),
        Timeout = Timeout,
        VerifyTls = VerifyTls,
        CaCertificatePath = CaCertificatePath,
        UserAgent = UserAgent,
        HttpClient = HttpClient,
        HttpMessageHandler = HttpMessageHandler,
    };
}
