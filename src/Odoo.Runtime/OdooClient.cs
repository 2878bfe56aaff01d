using Odoo.Transport;

namespace Odoo;

/// <summary>
/// A connection to one Odoo database as one user. Safe to share across threads; holds no statics.
/// Create one with <c>ConnectAsync</c>.
/// </summary>
public sealed partial class OdooClient : IAsyncDisposable
{
    private readonly IOdooTransport _transport;

    internal OdooClient(IOdooTransport transport, OdooVersion serverVersion, int userId, string database, OdooContext context)
    {
        _transport = transport;
        ServerVersion = serverVersion;
        UserId = userId;
        Database = database;
        Context = context;
    }

    /// <summary>The server version (detected, or as configured).</summary>
    public OdooVersion ServerVersion { get; }

    /// <summary>The id of the authenticated user.</summary>
    public int UserId { get; }

    /// <summary>The database name.</summary>
    public string Database { get; }

    /// <summary>The context sent with every call (the user's context merged with the configured one).</summary>
    public OdooContext Context { get; }

    /// <summary>
    /// Sends one ORM call and decodes its result straight from the response's UTF-8 JSON. The
    /// building block of managers and generated code; prefer <c>Model(name)</c> for ad-hoc calls.
    /// </summary>
    /// <typeparam name="T">The decoded result.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="reader">Decodes the <c>result</c> value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<T> ExecuteAsync<T>(OdooCall call, OdooResultReader<T> reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(reader);
        return _transport.ExecuteAsync(call, Context.Merge(call.Context), reader, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
