using System.Security.Cryptography.X509Certificates;

namespace Odoo.Testing;

/// <summary>A user to create (see <see cref="OdooTestServerOptions.Users"/> and <see cref="OdooTestServer.AddUser(OdooTestUserDefinition)"/>).</summary>
public sealed class OdooTestUserDefinition
{
    /// <summary>Creates a user definition.</summary>
    /// <param name="login">The login.</param>
    /// <param name="password">The password.</param>
    public OdooTestUserDefinition(string login, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentNullException.ThrowIfNull(password);
        Login = login;
        Password = password;
    }

    /// <summary>The login.</summary>
    public string Login { get; }

    /// <summary>The password.</summary>
    public string Password { get; }

    /// <summary>An API key; null for none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The name; defaults to the login.</summary>
    public string? Name { get; set; }

    /// <summary>The language returned by <c>context_get</c>.</summary>
    public string Lang { get; set; } = "en_US";

    /// <summary>The time zone returned by <c>context_get</c>; null for none (<c>false</c>).</summary>
    public string? Tz { get; set; } = "Europe/Brussels";
}
