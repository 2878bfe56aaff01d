namespace Odoo;

public sealed partial class OdooClient : IDisposable
{
    /// <summary>
    /// Closes the client as <see cref="DisposeAsync"/> does, waiting for it on this thread. Prefer
    /// <c>await using</c>/<see cref="DisposeAsync"/>; this is for owners that dispose synchronously, such as a
    /// dependency injection container disposed with <c>Dispose()</c>.
    /// </summary>
    public void Dispose()
    {
        var pending = DisposeAsync();
        if (!pending.IsCompleted) pending.AsTask().GetAwaiter().GetResult();
        else pending.GetAwaiter().GetResult();
    }
}
