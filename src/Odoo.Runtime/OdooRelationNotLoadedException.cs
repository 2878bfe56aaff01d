namespace Odoo;

/// <summary>
/// A relation property (<c>invoice.Partner</c>) was read before the related records were loaded.
/// Call its <c>Load{Property}Async</c> method first, or batch-load the relation for a list of records.
/// </summary>
public class OdooRelationNotLoadedException : OdooNotLoadedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="recordType">The record type, for example <c>ReferralCode</c>.</param>
    /// <param name="property">The relation property read.</param>
    /// <param name="remoteField">The Odoo field behind it.</param>
    public OdooRelationNotLoadedException(string recordType, string property, string remoteField)
        : base($"{recordType}.{property} is not loaded yet: await Load{property}Async(cancellationToken) first (one request, then cached), or batch-load the relation '{remoteField}' for a list of records. Its id(s) are available without a request.", recordType, property, remoteField)
    {
    }
}
