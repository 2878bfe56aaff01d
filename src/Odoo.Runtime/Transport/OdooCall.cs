namespace Odoo.Transport;

/// <summary>
/// Reads the <c>result</c> value of a successful call straight from the response's UTF-8 JSON.
/// The reader is positioned on the first token of the value; the delegate must consume the
/// whole value (and nothing after it).
/// </summary>
/// <typeparam name="T">The decoded result type.</typeparam>
/// <param name="reader">A reader positioned on the first token of the result value.</param>
/// <returns>The decoded result.</returns>
public delegate T OdooResultReader<T>(ref System.Text.Json.Utf8JsonReader reader);

/// <summary>
/// One argument of an ORM call. JSON-RPC sends <see cref="OdooCall.Arguments"/> positionally,
/// JSON-2 sends every argument by <see cref="Name"/>.
/// </summary>
/// <param name="Name">The Python parameter name (for example <c>domain</c>, <c>fields</c>, <c>vals_list</c>);
/// <see langword="null"/> for a purely positional argument, which JSON-2 cannot send.</param>
/// <param name="Value">The value: <see langword="null"/>, <see cref="bool"/>, numbers, <see cref="string"/>,
/// <see cref="DateOnly"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, enumerables, string-keyed dictionaries,
/// <see cref="System.Text.Json.JsonElement"/>, <see cref="System.Text.Json.Nodes.JsonNode"/> or <see cref="IOdooJsonWritable"/>.</param>
public readonly record struct OdooArgument(string? Name, object? Value);

/// <summary>A value that writes its own JSON form (used by domains, create values and generated code).</summary>
public interface IOdooJsonWritable
{
    /// <summary>Writes this value as one JSON value.</summary>
    /// <param name="writer">The writer to write to.</param>
    void WriteTo(System.Text.Json.Utf8JsonWriter writer);
}

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
