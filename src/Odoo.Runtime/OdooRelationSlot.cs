using System.ComponentModel;

namespace Odoo;

/// <summary>
/// The cache of one relation on one record: empty, loading (one shared request), or loaded.
/// Two concurrent loads share one request; a failed or cancelled load leaves the slot empty so
/// the next load tries again. Used by generated relation loaders; not meant to be used by hand.
/// </summary>
/// <typeparam name="T">The loaded value: a record (nullable for an optional many2one) or a list of records.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OdooRelationSlot<T>
{
    private readonly object _gate = new();
    private bool _loaded;
    private T _value = default!;
    private Task<T>? _pending;

    /// <summary>Whether the value is loaded.</summary>
    public bool IsLoaded
    {
        get { lock (_gate) return _loaded; }
    }

    /// <summary>Gets the value if it is loaded.</summary>
    /// <param name="value">The loaded value.</param>
    public bool TryGetValue(out T value)
    {
        lock (_gate)
        {
            value = _value;
            return _loaded;
        }
    }

    /// <summary>Stores a value loaded elsewhere (for example by a batched load of many records).</summary>
    /// <param name="value">The value.</param>
    public void SetValue(T value)
    {
        lock (_gate)
        {
            _value = value;
            _loaded = true;
        }
    }

    /// <summary>
    /// Returns the loaded value, or loads it once with <paramref name="loader"/>. Concurrent callers
    /// share one load; each caller's <paramref name="cancellationToken"/> only stops its own wait.
    /// </summary>
    /// <typeparam name="TState">The state passed to the loader.</typeparam>
    /// <param name="state">The state passed to the loader.</param>
    /// <param name="loader">Loads the value.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    public ValueTask<T> GetOrLoadAsync<TState>(TState state, Func<TState, CancellationToken, Task<T>> loader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        Task<T> pending;
        lock (_gate)
        {
            if (_loaded) return new ValueTask<T>(_value);
            pending = _pending ??= StartLoad(state, loader);
        }
        return new ValueTask<T>(pending.WaitAsync(cancellationToken));
    }

    private async Task<T> StartLoad<TState>(TState state, Func<TState, CancellationToken, Task<T>> loader)
    {
        // Return to the caller (who holds the lock and stores this task as _pending) before the loader runs;
        // ForceYielding continues on the thread pool, never on a captured SynchronizationContext.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        try
        {
            var value = await loader(state, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _value = value;
                _loaded = true;
                _pending = null;
            }
            return value;
        }
        catch
        {
            lock (_gate) _pending = null;
            throw;
        }
    }
}
