namespace Odoo.Testing.Internal;

/// <summary>
/// A <see cref="Store"/> and its lock. The store is reachable only through <see cref="Enter"/>: the scope it returns
/// holds the lock until disposed and, being a ref struct, cannot be kept in a field, captured by a lambda or held
/// across an <c>await</c>, so code that does not hold the lock has no way to reach the store.
/// </summary>
internal sealed class LockedStore
{
    private readonly Lock _lock = new();
    private readonly Store _store;

    public LockedStore(TimeProvider time) => _store = new Store(time);

    /// <summary>Guards <paramref name="store"/>, which nothing else may hold (a copy made by <see cref="Store.Clone"/>).</summary>
    public LockedStore(Store store) => _store = store;

    /// <summary>Waits for the lock (re-entrant on the same thread) and returns the scope that reaches the store.</summary>
    public StoreScope Enter() => new(_lock, _store);
}
