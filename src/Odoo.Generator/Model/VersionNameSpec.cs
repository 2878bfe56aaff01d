namespace Odoo.Generator.Model;

/// <summary>An Odoo name of a field on one server version.</summary>
internal sealed record VersionNameSpec(string Version, string RemoteName);
