namespace Odoo;

/// <summary>
/// Gives a property another Odoo field name on some Odoo versions (matched by major.minor, so
/// <c>13.0+e</c> matches <c>13.0</c>). Repeat it for several versions.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class OdooFieldVersionAttribute : Attribute
{
    /// <summary>Maps the property to <paramref name="remoteName"/> on Odoo <paramref name="version"/>.</summary>
    /// <param name="version">The Odoo version, for example <c>13.0</c>.</param>
    /// <param name="remoteName">The field name on that version.</param>
    public OdooFieldVersionAttribute(string version, string remoteName)
    {
        Version = version;
        RemoteName = remoteName;
    }

    /// <summary>The Odoo version (major.minor).</summary>
    public string Version { get; }

    /// <summary>The field name on that version.</summary>
    public string RemoteName { get; }
}
