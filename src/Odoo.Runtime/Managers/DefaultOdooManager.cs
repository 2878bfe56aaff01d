namespace Odoo.Managers;

/// <summary>The manager used for record types without a generated one (and by record extension methods).</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class DefaultOdooManager<TRecord>(OdooClient client) : OdooManager<TRecord>(client)
    where TRecord : OdooRecord, IOdooRecord<TRecord>;
