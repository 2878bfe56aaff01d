namespace Odoo.Transport;

/// <summary>
/// One ORM method call, independent of the protocol that carries it: JSON-RPC turns it into
/// <c>execute_kw(db, uid, password, model, method, [ids?, ...args], {...kwargs, context})</c>,
/// JSON-2 into <c>POST /json/2/{model}/{method}</c> with every argument named.
/// </summary>
public sealed class OdooCall
{
    /// <summary>Creates a call of <paramref name="method"/> on <paramref name="model"/>.</summary>
    /// <param name="model">The Odoo model name, for example <c>res.partner</c>.</param>
    /// <param name="method">The model method, for example <c>search_read</c>.</param>
    public OdooCall(string model, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(method);
        Model = model;
        Method = method;
    }

    /// <summary>The Odoo model name.</summary>
    public string Model { get; }

    /// <summary>The model method.</summary>
    public string Method { get; }

    /// <summary>
    /// The record ids for a record-level method (<c>read</c>, <c>write</c>, <c>unlink</c>...), or
    /// <see langword="null"/> for a model-level one (<c>search_read</c>, <c>create</c>...).
    /// JSON-RPC sends them as the first positional argument, JSON-2 as <c>ids</c>.
    /// </summary>
    public IReadOnlyList<int>? Ids { get; init; }

    /// <summary>Arguments that JSON-RPC sends positionally (after the ids) and JSON-2 by name.</summary>
    public IReadOnlyList<OdooArgument> Arguments { get; init; } = [];

    /// <summary>Keyword arguments (sent by name on both protocols).</summary>
    public IReadOnlyList<OdooArgument> KeywordArguments { get; init; } = [];

    /// <summary>Context entries for this call, merged over the client's context.</summary>
    public OdooContext? Context { get; init; }

    /// <summary>
    /// Whether the call only reads. Only such calls may be retried; a create, write or any
    /// other call is never sent twice by the library.
    /// </summary>
    public bool IsReadOnly { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Ids is { Count: > 0 } ids
            ? $"{Model}.{Method}({string.Join(", ", ids.Take(20))}{(ids.Count > 20 ? ", ..." : "")})"
            : $"{Model}.{Method}";
}
