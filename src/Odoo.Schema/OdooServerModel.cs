using System.Globalization;
using System.Text.Json;

namespace Odoo.Schema;

/// <summary>One model as the server describes it: its name, description (<c>ir.model</c>) and fields.</summary>
/// <param name="Name">The Odoo model name.</param>
/// <param name="Description">The human name from <c>ir.model</c>, when readable.</param>
/// <param name="Fields">The fields, in the server's order.</param>
public sealed record OdooServerModel(string Name, string? Description, IReadOnlyList<OdooServerField> Fields)
{
    /// <summary>Finds a field by name.</summary>
    /// <param name="name">The Odoo field name.</param>
    public OdooServerField? Field(string name)
    {
        foreach (var f in Fields)
        {
            if (f.Name == name) return f;
        }
        return null;
    }
}
