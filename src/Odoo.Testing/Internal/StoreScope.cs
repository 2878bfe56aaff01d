namespace Odoo.Testing.Internal;

/// <summary>
/// The lock of a <see cref="LockedStore"/>, held from <see cref="LockedStore.Enter"/> to <see cref="Dispose"/>
/// (<c>using var scope = locked.Enter();</c>): the only way to reach its <see cref="Internal.Store"/>.
/// </summary>
internal readonly ref struct StoreScope
{
    private readonly Lock _lock;
    private readonly Store _store;
    private readonly Lock.Scope _held;

    internal StoreScope(Lock @lock, Store store)
    {
        _held = @lock.EnterScope();
        _lock = @lock;
        _store = store;
    }

    /// <summary>The store; throws once the scope is disposed (unless the thread holds the lock through an outer scope).</summary>
    public Store Store => _lock is not null && _lock.IsHeldByCurrentThread
        ? _store
        : throw new ObjectDisposedException(nameof(StoreScope), "The in-memory Odoo store was used outside the scope that holds its lock.");

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        if (_lock is not null) _held.Dispose();
    }
}
