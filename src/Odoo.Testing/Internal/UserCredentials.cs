namespace Odoo.Testing.Internal;

/// <summary>How a user logs in: a password and, optionally, an API key.</summary>
internal sealed record UserCredentials(int Uid, string Login, string Password, string? ApiKey);
