using System.Security.Cryptography.X509Certificates;

namespace Odoo.Testing;

/// <summary>A user of the server.</summary>
/// <param name="Uid">The user id.</param>
/// <param name="Login">The login.</param>
/// <param name="Password">The password.</param>
/// <param name="ApiKey">The API key, or null.</param>
/// <param name="Name">The name.</param>
/// <param name="PartnerId">The id of the user's res.partner.</param>
public sealed record OdooTestUser(int Uid, string Login, string Password, string? ApiKey, string Name, int PartnerId);
