namespace Odoo.Runtime.Tests.Managers;

/// <summary>A user, as one part of an application declares it.</summary>
[OdooModel("res.users")]
public partial record User
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }
}

/// <summary>The same Odoo model as another part of the application declares it (a second record type for <c>res.users</c>).</summary>
[OdooModel]
public partial record UserWithLogin : User
{
    /// <summary>The login.</summary>
    public partial string? Login { get; }
}
