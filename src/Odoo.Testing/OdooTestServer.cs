namespace Odoo.Testing;

/// <summary>An in-memory Odoo server for tests (being built).</summary>
public sealed class OdooTestServer
{
}
