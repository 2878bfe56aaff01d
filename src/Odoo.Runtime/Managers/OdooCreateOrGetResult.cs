namespace Odoo.Managers;

/// <summary>The outcome of <see cref="OdooManager{TRecord}.CreateOrGetAsync"/>.</summary>
/// <param name="Id">The id of the record holding the key.</param>
/// <param name="Created">
/// <see langword="true"/> when this call's create made the record (also when its answer was lost and the lookup found
/// it afterwards); <see langword="false"/> when a record with the key already existed.
/// </param>
public readonly record struct OdooCreateOrGetResult(int Id, bool Created);
