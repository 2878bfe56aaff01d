using System.Text.Json;
using Odoo.Domains;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Raw;

/// <summary>
/// Untyped access to one Odoo model by name (<c>client.Model("res.partner")</c>): the ORM's common
/// methods plus <see cref="CallAsync"/> for any other, with results as <see cref="JsonElement"/>.
/// Works the same over JSON-RPC and JSON-2 (arguments are named, so JSON-2 can send them).
/// Domains are an <see cref="OdooDomain"/> (encoded without model metadata: names are sent as written, values
/// such as dates, records and enums are encoded) or any value the <see cref="OdooJsonWriter"/> writes: for example
/// <c>new object[] { new object[] { "is_company", "=", true } }</c>, a list of tuples
/// <c>[("name", "ilike", "acme")]</c>, a <see cref="JsonElement"/>, or an <see cref="IOdooJsonWritable"/> domain builder;
/// <see langword="null"/> means every record. Paging parameters come in the managers' order:
/// <c>domain, fields, order, limit, offset</c>.
/// </summary>
/// <remarks>
/// <para>The methods are named after the Odoo methods they call (<see cref="SearchReadAsync"/> is <c>search_read</c>,
/// <see cref="WriteAsync"/> is <c>write</c>, <see cref="UnlinkAsync"/> is <c>unlink</c>), not after the typed managers'
/// (<c>SearchAsync</c>, <c>UpdateAsync</c>, <c>DeleteAsync</c>): this is Odoo's ORM as it is, results are Odoo's JSON,
/// and code ported from Python or from Odoo's documentation reads the same. The names also keep the two levels
/// apart: the manager's <c>SearchAsync</c> reads records, this <see cref="SearchAsync"/> returns ids as Odoo's
/// <c>search</c> does.</para>
/// <para>The calls are the managers' calls (one wire shape per method): the same arguments are
/// sent, a negative limit or offset is refused before sending, and <c>read</c>, <c>write</c> and <c>unlink</c> of no
/// ids send nothing.</para>
/// </remarks>
public sealed class OdooModelClient
{
    private static readonly object EmptyDomain = Array.Empty<object>();

    internal OdooModelClient(OdooClient client, string model)
    {
        Client = client;
        ModelName = model;
    }

    /// <summary>The client this handle calls through.</summary>
    public OdooClient Client { get; }

    /// <summary>The model name.</summary>
    public string ModelName { get; }

    /// <summary>Searches and reads in one round trip (<c>search_read</c>).</summary>
    /// <param name="domain">The domain (an <see cref="OdooDomain"/> or a list form); <see langword="null"/> for all records.</param>
    /// <param name="fields">The fields to read; <see langword="null"/> for all.</param>
    /// <param name="order">The sort order, for example <c>name, id desc</c>.</param>
    /// <param name="limit">The most records to return; <see langword="null"/> for no limit.</param>
    /// <param name="offset">How many matching records to skip.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One JSON object per record.</returns>
    public Task<IReadOnlyList<JsonElement>> SearchReadAsync(
        object? domain = null,
        IReadOnlyList<string>? fields = null,
        string? order = null,
        int? limit = null,
        int offset = 0,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        return OdooOrm.SearchReadAsync(Client, ModelName, EncodeDomain(domain), fields, order, limit, offset, context, ReadRows, cancellationToken);
    }

    /// <summary>Reads records by id (<c>read</c>). Ids that do not exist are left out (Odoo 18 returns no row for them); no ids sends nothing.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="fields">The fields to read; <see langword="null"/> for all.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One JSON object per record found.</returns>
    public Task<IReadOnlyList<JsonElement>> ReadAsync(
        IReadOnlyList<int> ids,
        IReadOnlyList<string>? fields = null,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        return OdooOrm.ReadAsync(Client, ModelName, ids, fields, context, ReadRows, [], cancellationToken);
    }

    /// <summary>Searches for record ids (<c>search</c>).</summary>
    /// <param name="domain">The domain (an <see cref="OdooDomain"/> or a list form); <see langword="null"/> for all records.</param>
    /// <param name="order">The sort order.</param>
    /// <param name="limit">The most ids to return; <see langword="null"/> for no limit.</param>
    /// <param name="offset">How many matching records to skip.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids, in Odoo's order.</returns>
    public Task<IReadOnlyList<int>> SearchAsync(
        object? domain = null,
        string? order = null,
        int? limit = null,
        int offset = 0,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        return OdooOrm.SearchAsync(Client, ModelName, EncodeDomain(domain), order, limit, offset, context, cancellationToken);
    }

    /// <summary>Counts matching records (<c>search_count</c>).</summary>
    /// <param name="domain">The domain (an <see cref="OdooDomain"/> or a list form); <see langword="null"/> for all records.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<int> SearchCountAsync(object? domain = null, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        return OdooOrm.SearchCountAsync(Client, ModelName, EncodeDomain(domain), context, cancellationToken);
    }

    /// <summary>Creates one record (<c>create</c>) and returns its id.</summary>
    /// <param name="values">The field values (Odoo field names; relation commands as lists, for example <c>[[4, 5]]</c>).</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<int> CreateAsync(IReadOnlyDictionary<string, object?> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return OdooOrm.CreateOneAsync(Client, ModelName, values, context, cancellationToken);
    }

    /// <summary>Creates several records in one call (<c>create</c> with a list) and returns their ids in order.</summary>
    /// <param name="valuesList">The field values of each record.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<int[]> CreateManyAsync(
        IReadOnlyList<IReadOnlyDictionary<string, object?>> valuesList,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valuesList);
        return OdooOrm.CreateManyAsync(Client, ModelName, valuesList, context, cancellationToken);
    }

    /// <summary>Writes the same values to records (<c>write</c>); no ids sends nothing.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="values">The field values.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task WriteAsync(
        IReadOnlyList<int> ids,
        IReadOnlyDictionary<string, object?> values,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        return OdooOrm.WriteAsync(Client, ModelName, ids, values, context, cancellationToken);
    }

    /// <summary>Deletes records (<c>unlink</c>); no ids sends nothing.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UnlinkAsync(IReadOnlyList<int> ids, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return OdooOrm.UnlinkAsync(Client, ModelName, ids, context, cancellationToken);
    }

    /// <summary>Describes the model's fields (<c>fields_get</c>).</summary>
    /// <param name="attributes">The attributes to return for each field (for example <c>string</c>, <c>type</c>, <c>required</c>,
    /// <c>relation</c>, <c>selection</c>); <see langword="null"/> for all.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A JSON object keyed by field name.</returns>
    public Task<JsonElement> FieldsGetAsync(
        IReadOnlyList<string>? attributes = null,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        return OdooOrm.FieldsGetAsync(Client, ModelName, attributes, context, cancellationToken);
    }

    /// <summary>Finds records by display name (<c>name_search</c>).</summary>
    /// <param name="name">The text to match.</param>
    /// <param name="domain">An extra domain (an <see cref="OdooDomain"/> or a list form); <see langword="null"/> for none.</param>
    /// <param name="operator">The comparison, <c>ilike</c> by default.</param>
    /// <param name="limit">The most results, 100 by default.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching ids and display names.</returns>
    public Task<IReadOnlyList<(int Id, string Name)>> NameSearchAsync(
        string name = "",
        object? domain = null,
        string @operator = "ilike",
        int limit = 100,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(@operator);
        return OdooOrm.NameSearchAsync(Client, ModelName, name, EncodeDomain(domain), @operator, limit, context, cancellationToken);
    }

    /// <summary>
    /// Calls any public model method: the escape hatch. <paramref name="args"/> are positional (JSON-RPC only; JSON-2
    /// has no positional arguments, so pass everything in <paramref name="kwargs"/> there).
    /// </summary>
    /// <param name="method">The method name.</param>
    /// <param name="args">Positional arguments (after the ids).</param>
    /// <param name="kwargs">Keyword arguments.</param>
    /// <param name="ids">The record ids for a record-level method; <see langword="null"/> for a model-level one.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result as a detached <see cref="JsonElement"/> (valid after the call).</returns>
    public Task<JsonElement> CallAsync(
        string method,
        IReadOnlyList<object?>? args = null,
        IReadOnlyDictionary<string, object?>? kwargs = null,
        IReadOnlyList<int>? ids = null,
        OdooContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var call = new OdooCall(ModelName, method)
        {
            Ids = ids,
            Arguments = args is null ? [] : args.Select(a => new OdooArgument(null, a)).ToArray(),
            KeywordArguments = kwargs is null ? [] : kwargs.Select(p => new OdooArgument(p.Key, p.Value)).ToArray(),
            Context = context,
        };
        return Client.ExecuteAsync(call, ReadElement, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => ModelName;

    /// <summary>
    /// The domain as sent: an <see cref="OdooDomain"/> is encoded without metadata (names pass through, values are
    /// encoded for the server's version); any other value goes to the <see cref="OdooJsonWriter"/> as it is.
    /// </summary>
    private object EncodeDomain(object? domain) => domain switch
    {
        null => EmptyDomain,
        OdooDomain d => d.Encode(null, Client.ServerVersion),
        _ => domain,
    };

    private static JsonElement ReadElement(ref Utf8JsonReader r) => JsonElement.ParseValue(ref r);

    private static IReadOnlyList<JsonElement> ReadRows(ref Utf8JsonReader r)
    {
        if (OdooJsonReader.IsEmpty(ref r)) return [];
        if (r.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref r, "a list of records");
        var all = JsonElement.ParseValue(ref r);
        var rows = new JsonElement[all.GetArrayLength()];
        var i = 0;
        foreach (var row in all.EnumerateArray()) rows[i++] = row;
        return rows;
    }
}
