using System.Text;

namespace Odoo;

/// <summary>A field was read that the record was not fetched with (it was left out of <c>fields</c>).</summary>
public class OdooFieldNotLoadedException : OdooNotLoadedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="recordType">The record type, for example <c>ReferralCode</c>.</param>
    /// <param name="property">The C# property read.</param>
    /// <param name="remoteField">The Odoo field behind it.</param>
    public OdooFieldNotLoadedException(string recordType, string property, string remoteField)
        : base($"{recordType}.{property} was not loaded: the record was fetched without the Odoo field '{remoteField}'. Include it in the fields of the query, or fetch all fields.", recordType, property, remoteField)
    {
    }
}
