using System.Security.Cryptography.X509Certificates;

namespace Odoo.Testing;

/// <summary>Settings of an <see cref="OdooTestServer"/>.</summary>
public sealed class OdooTestServerOptions
{
    /// <summary>
    /// The reported server version, e.g. <c>"17.0"</c>, <c>"18.0"</c>, <c>"19.0"</c>, <c>"18.0+e"</c>.
    /// JSON-2 (<c>/json/2</c>) and <c>/web/version</c> are served only when the major version is 19 or more.
    /// </summary>
    public string Version { get; set; } = "18.0";

    /// <summary>The database name.</summary>
    public string Database { get; set; } = "odoodb";

    /// <summary>
    /// Further database names the server says it hosts (listed by <c>db.list</c>), to model a multi-database Odoo.
    /// They hold no users: a login or API key there is refused. With any, a JSON-2 request must name its database in
    /// <c>X-Odoo-Database</c>: without it (or with a name the server does not host) Odoo 19 answers its HTML 404
    /// "No database is selected" page before authentication.
    /// </summary>
    public IList<string> OtherDatabases { get; } = [];

    /// <summary>
    /// Whether <c>db.list</c> answers the databases (Odoo's <c>list_db</c> option, on by default). Off, it answers
    /// <c>odoo.exceptions.AccessDenied</c> "Access Denied", as Odoo does (odoo/service/db.py, exp_list).
    /// </summary>
    public bool ListDatabases { get; set; } = true;

    /// <summary>
    /// The master password of the database service (Odoo's <c>admin_passwd</c>; <c>admin</c> by default, as in Odoo).
    /// <c>db.create_database</c>, <c>duplicate_database</c>, <c>rename</c>, <c>drop</c>, <c>dump</c> and <c>restore</c>
    /// answer <c>odoo.exceptions.AccessDenied</c> without it. While it is <c>admin</c>, the database manager's
    /// <c>/web/database/backup</c> and <c>/web/database/restore</c> store the password they are sent as the new one, as Odoo does.
    /// </summary>
    public string MasterPassword { get; set; } = "admin";

    /// <summary>
    /// Whether PDF reports render (the server "has wkhtmltopdf"; on by default). Off, <c>/report/pdf/...</c> answers as
    /// Odoo 18 without wkhtmltopdf. Can be changed later through <see cref="OdooTestServer.PdfRenderingAvailable"/>.
    /// </summary>
    public bool PdfRenderingAvailable { get; set; } = true;

    /// <summary>The admin login (uid 2).</summary>
    public string AdminLogin { get; set; } = "admin";

    /// <summary>The admin password.</summary>
    public string AdminPassword { get; set; } = "admin";

    /// <summary>
    /// The admin API key (scope <c>rpc</c>): accepted as a password on JSON-RPC and as the bearer key on JSON-2, where the
    /// password is refused (Odoo 19 checks only API keys: res.users.apikeys._check_credentials(scope='rpc', key=token)).
    /// </summary>
    public string AdminApiKey { get; set; } = "odoo-test-admin-api-key";

    /// <summary>The admin's name (and its partner's).</summary>
    public string AdminName { get; set; } = "Mitchell Admin";

    /// <summary>More users created at start (uids from 6, after Odoo's built-in users).</summary>
    public IList<OdooTestUserDefinition> Users { get; } = [];

    /// <summary>
    /// Whether to define and seed res.partner, res.users, res.country, res.partner.category with
    /// Odoo's first records (partner 1 "YourCompany", partner 3 and user 2 the admin, country 233
    /// "United States"). True by default.
    /// </summary>
    public bool SeedDefaultData { get; set; } = true;

    /// <summary>Whether to record requests in <see cref="OdooTestServer.Requests"/>. True by default.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>The most requests kept; older ones are dropped. 100,000 by default.</summary>
    public int MaxRecordedRequests { get; set; } = 100_000;

    /// <summary>Whether ASP.NET Core logs to the console. Off by default.</summary>
    public bool EnableLogging { get; set; }

    /// <summary>The clock for <c>create_date</c>/<c>write_date</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Delays that make the server cost what a real Odoo costs, so in-memory benchmarks rank
    /// designs as the real server does; null (the default) charges nothing. See <see cref="OdooCostModel"/>.
    /// </summary>
    public OdooCostModel? CostModel { get; set; }

    /// <summary>
    /// Whether connections are kept open between requests. False by default: every answer carries
    /// <c>Connection: close</c> and the connection is closed, as Odoo's own HTTP server does
    /// (behind a reverse proxy a client may see keep-alive instead; set true to imitate that).
    /// </summary>
    public bool KeepAlive { get; set; }

    /// <summary>The TLS certificate; when set the server speaks HTTPS only.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Serves HTTPS with <paramref name="certificate"/>.</summary>
    /// <param name="certificate">A certificate with its private key.</param>
    /// <returns>These options.</returns>
    public OdooTestServerOptions UseHttps(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        return this;
    }
}
