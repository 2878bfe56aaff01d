#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// net8.0 has no <c>System.Threading.Lock</c> (.NET 9): this one has the members the <c>lock</c> statement uses, on
/// the object's monitor.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    /// <summary>Enters the lock; the scope's <see cref="Scope.Dispose"/> leaves it.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>A held lock.</summary>
    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        /// <summary>Leaves the lock.</summary>
        public void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
