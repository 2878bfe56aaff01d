namespace Odoo.Fields;

/// <summary>A typed reference to a field of <typeparamref name="TRecord"/>.</summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
public abstract class OdooField<TRecord> : OdooField
    where TRecord : OdooRecord
{
    private protected OdooField(string path, string odooName)
        : base(path, odooName)
    {
    }
}
