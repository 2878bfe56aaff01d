using System.Globalization;
using System.Text;

namespace Odoo.Databases;

/// <summary>How a new database is set up (<see cref="OdooDatabaseService.CreateAsync"/>).</summary>
public sealed class OdooDatabaseCreateOptions
{
    /// <summary>Whether to load Odoo's demonstration data (default <see langword="false"/>).</summary>
    public bool Demo { get; set; }

    /// <summary>The language to install and give the admin user, for example <c>en_US</c> (the default) or <c>fr_FR</c>.</summary>
    public string Language { get; set; } = "en_US";

    /// <summary>The login of the database's administrator (default <c>admin</c>).</summary>
    public string Login { get; set; } = "admin";

    /// <summary>The password of the database's administrator. Required; never appears in a message.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The company's country code, for example <c>BE</c> (sets its currency and fiscal localization); <see langword="null"/> for none.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The company's phone number; <see langword="null"/> for none.</summary>
    public string? Phone { get; set; }

    /// <summary>Describes the options with the admin password masked.</summary>
    public override string ToString() =>
        $"OdooDatabaseCreateOptions {{ Demo = {Demo}, Language = {Language}, Login = {Login}, AdminPassword = {(string.IsNullOrEmpty(AdminPassword) ? "(not set)" : "***")}, CountryCode = {CountryCode ?? "(none)"} }}";
}
