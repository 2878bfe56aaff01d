using System.Text;

namespace Odoo;

/// <summary>
/// A record property was read before its value was there: a field the record was not fetched with
/// (<see cref="OdooFieldNotLoadedException"/>) or a relation not loaded yet (<see cref="OdooRelationNotLoadedException"/>).
/// Catch this type for both.
/// </summary>
public abstract class OdooNotLoadedException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was read and how to load it.</param>
    /// <param name="recordType">The record type, for example <c>ReferralCode</c>.</param>
    /// <param name="property">The C# property read.</param>
    /// <param name="remoteField">The Odoo field behind it.</param>
    protected OdooNotLoadedException(string message, string recordType, string property, string remoteField)
        : base(message)
    {
        RecordType = recordType;
        Property = property;
        RemoteField = remoteField;
    }

    /// <summary>The record type.</summary>
    public string RecordType { get; }

    /// <summary>The C# property read.</summary>
    public string Property { get; }

    /// <summary>The Odoo field behind it.</summary>
    public string RemoteField { get; }
}
