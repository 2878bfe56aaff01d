using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Transport;

/// <summary>
/// The ORM methods the runtime calls, in one place: each method's wire name, its one wire shape, its argument
/// checks and how its answer is read. The managers (<see cref="OdooManager{TRecord}"/>), the raw client
/// (<see cref="Raw.OdooModelClient"/>), the client's read by ids (relation loads, refresh) and, through the
/// managers, hand-written manager parts all send these calls from here; no other file of the runtime builds them.
/// </summary>
/// <remarks>
/// <para><b>One wire shape for Odoo 13 to 19</b>, the one of the recorded Odoo 18 samples and of OdooRPC:</para>
/// <list type="bullet">
/// <item>The record ids (record-level methods), the domain and the values go <b>positionally</b>. The domain's Python
/// name changed (<c>args</c> in older versions, <c>domain</c> in newer ones; <c>name_search</c> still says <c>args</c> in
/// Odoo 18), so JSON-RPC must not name it.</item>
/// <item>Optional arguments go <b>by keyword</b> (<c>fields</c>, <c>offset</c>, <c>limit</c>, <c>order</c>,
/// <c>attributes</c>: the same names in Odoo 13 to 19) and <b>only when set</b>: an offset of 0 and a
/// <see langword="null"/> limit, order or field list are left out, so the server's default applies (all fields, no
/// limit, the model's order). A keyword also survives an add-on override that adds positional parameters.</item>
/// <item>JSON-2 (Odoo 19) has no positional arguments: it sends every argument under the name given here, which is
/// the parameter's name in Odoo 19.</item>
/// <item><c>name_search</c> is the exception: its four arguments go positionally, as the raw client always sent them.</item>
/// </list>
/// <para><b>The same checks everywhere</b>: a negative limit or offset is refused before anything is sent
/// (<see cref="ArgumentOutOfRangeException"/>); <c>read</c>, <c>write</c> and <c>unlink</c> of no ids and
/// <c>create</c> of no records send nothing.</para>
/// <para>Method signatures (Odoo 18, <c>odoo/models.py</c>): <c>read(fields=None, load='_classic_read')</c>,
/// <c>search_read(domain=None, fields=None, offset=0, limit=None, order=None)</c>,
/// <c>search(domain, offset=0, limit=None, order=None)</c>, <c>search_count(domain, limit=None)</c>,
/// <c>create(vals_list)</c> (a single dict is accepted and answers one id), <c>write(vals)</c>, <c>unlink()</c>,
/// <c>fields_get(allfields=None, attributes=None)</c>, <c>name_search(name='', args=None, operator='ilike', limit=100)</c>
/// (<c>domain</c> instead of <c>args</c> in Odoo 19), <c>res.users.context_get()</c>.</para>
/// </remarks>
internal static class OdooOrm
{
    /// <summary><c>read</c>: rows of the given ids (ids Odoo does not have are left out).</summary>
    public const string Read = "read";

    /// <summary><c>search_read</c>: search and read in one round trip.</summary>
    public const string SearchRead = "search_read";

    /// <summary><c>search</c>: the ids of matching records.</summary>
    public const string Search = "search";

    /// <summary><c>search_count</c>: the number of matching records.</summary>
    public const string SearchCount = "search_count";

    /// <summary><c>create</c>: one record (a dict, answers an id) or several (a list, answers a list of ids).</summary>
    public const string Create = "create";

    /// <summary><c>write</c>: the same values on records.</summary>
    public const string Write = "write";

    /// <summary><c>unlink</c>: deletes records.</summary>
    public const string Unlink = "unlink";

    /// <summary><c>fields_get</c>: the model's field descriptions.</summary>
    public const string FieldsGet = "fields_get";

    /// <summary><c>name_search</c>: ids and display names matching a name.</summary>
    public const string NameSearch = "name_search";

    /// <summary><c>res.users.context_get</c>: the user's context (language, time zone, uid).</summary>
    public const string ContextGet = "context_get";

    // ------------------------------------------------------------------ calls

    /// <summary><c>read</c> of <paramref name="ids"/>: ids positional, <c>fields</c> by keyword when set. No ids: no request, <paramref name="none"/>.</summary>
    public static Task<T> ReadAsync<T>(
        OdooClient client, string model, IReadOnlyList<int> ids, IReadOnlyList<string>? fields, OdooContext? context,
        OdooResultReader<T> rows, T none, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.FromResult(none);
        var call = new OdooCall(model, Read)
        {
            Ids = ids,
            KeywordArguments = fields is null ? [] : [new OdooArgument("fields", fields)],
            Context = context,
            IsReadOnly = true,
        };
        return client.ExecuteAsync(call, rows, cancellationToken);
    }

    /// <summary><c>search_read</c>: the domain positional; <c>fields</c>, <c>offset</c>, <c>limit</c>, <c>order</c> by keyword when set.</summary>
    public static Task<T> SearchReadAsync<T>(
        OdooClient client, string model, object domain, IReadOnlyList<string>? fields, string? order, int? limit, int offset,
        OdooContext? context, OdooResultReader<T> rows, CancellationToken cancellationToken)
    {
        CheckPaging(limit, offset);
        var keywords = new List<OdooArgument>(4);
        if (fields is not null) keywords.Add(new OdooArgument("fields", fields));
        AddPaging(keywords, order, limit, offset);
        var call = new OdooCall(model, SearchRead)
        {
            Arguments = [new OdooArgument("domain", domain)],
            KeywordArguments = keywords,
            Context = context,
            IsReadOnly = true,
        };
        return client.ExecuteAsync(call, rows, cancellationToken);
    }

    /// <summary><c>search</c>: the domain positional; <c>offset</c>, <c>limit</c>, <c>order</c> by keyword when set. Answers a list of ids.</summary>
    public static async Task<IReadOnlyList<int>> SearchAsync(
        OdooClient client, string model, object domain, string? order, int? limit, int offset, OdooContext? context, CancellationToken cancellationToken)
    {
        CheckPaging(limit, offset);
        var keywords = new List<OdooArgument>(3);
        AddPaging(keywords, order, limit, offset);
        var call = new OdooCall(model, Search)
        {
            Arguments = [new OdooArgument("domain", domain)],
            KeywordArguments = keywords,
            Context = context,
            IsReadOnly = true,
        };
        return await client.ExecuteAsync(call, static (ref Utf8JsonReader r) => OdooJsonReader.ReadIdList(ref r), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>search_count</c>: the domain positional, nothing else (older versions take no <c>limit</c>). Answers an integer.</summary>
    public static Task<int> SearchCountAsync(OdooClient client, string model, object domain, OdooContext? context, CancellationToken cancellationToken)
    {
        var call = new OdooCall(model, SearchCount)
        {
            Arguments = [new OdooArgument("domain", domain)],
            Context = context,
            IsReadOnly = true,
        };
        return client.ExecuteAsync(call, static (ref Utf8JsonReader r) => OdooJsonReader.ReadInt32(ref r), cancellationToken);
    }

    /// <summary><c>create</c> of one record: the values (a dict) positional as <c>vals_list</c>. Answers the id (JSON-2 may answer <c>[id]</c>).</summary>
    public static Task<int> CreateOneAsync(OdooClient client, string model, object values, OdooContext? context, CancellationToken cancellationToken)
    {
        var call = new OdooCall(model, Create)
        {
            Arguments = [new OdooArgument("vals_list", values)],
            Context = context,
        };
        return client.ExecuteAsync(call, static (ref Utf8JsonReader r) => ReadCreatedId(ref r), cancellationToken);
    }

    /// <summary><c>create</c> of several records: the list of values positional as <c>vals_list</c>. Answers the ids in order. No records: no request.</summary>
    public static async Task<int[]> CreateManyAsync<TValues>(
        OdooClient client, string model, IReadOnlyList<TValues> valuesList, OdooContext? context, CancellationToken cancellationToken)
    {
        if (valuesList.Count == 0) return [];
        var call = new OdooCall(model, Create)
        {
            Arguments = [new OdooArgument("vals_list", valuesList)],
            Context = context,
        };
        return await client.ExecuteAsync(call, static (ref Utf8JsonReader r) =>
            r.TokenType == JsonTokenType.Number ? [OdooJsonReader.ReadInt32(ref r)] : OdooJsonReader.ReadIdList(ref r), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>write</c>: ids and values (<c>vals</c>) positional; the answer (<c>true</c>) is skipped. No ids: no request.</summary>
    public static async Task WriteAsync(
        OdooClient client, string model, IReadOnlyList<int> ids, object values, OdooContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return;
        var call = new OdooCall(model, Write)
        {
            Ids = ids,
            Arguments = [new OdooArgument("vals", values)],
            Context = context,
        };
        await client.ExecuteAsync(call, OdooJsonReader.SkipResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>unlink</c>: ids positional; the answer (<c>true</c>) is skipped. No ids: no request.</summary>
    public static async Task UnlinkAsync(OdooClient client, string model, IReadOnlyList<int> ids, OdooContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return;
        var call = new OdooCall(model, Unlink) { Ids = ids, Context = context };
        await client.ExecuteAsync(call, OdooJsonReader.SkipResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>fields_get</c>: <c>attributes</c> by keyword when set (<c>allfields</c> is never sent: all fields). Answers an object keyed by field name.</summary>
    public static Task<JsonElement> FieldsGetAsync(OdooClient client, string model, IReadOnlyList<string>? attributes, OdooContext? context, CancellationToken cancellationToken)
    {
        var call = new OdooCall(model, FieldsGet)
        {
            KeywordArguments = attributes is null ? [] : [new OdooArgument("attributes", attributes)],
            Context = context,
            IsReadOnly = true,
        };
        return client.ExecuteAsync(call, static (ref Utf8JsonReader r) => JsonElement.ParseValue(ref r), cancellationToken);
    }

    /// <summary>
    /// <c>name_search</c>: all four arguments positional (the domain's name is <c>args</c> before Odoo 19, and the
    /// operator and limit have defaults of their own that are always sent). Answers <c>[[id, display_name], ...]</c>.
    /// </summary>
    public static Task<IReadOnlyList<(int Id, string Name)>> NameSearchAsync(
        OdooClient client, string model, string name, object domain, string @operator, int limit, OdooContext? context, CancellationToken cancellationToken)
    {
        CheckLimit(limit);
        var call = new OdooCall(model, NameSearch)
        {
            Arguments = [new OdooArgument("name", name), new OdooArgument("domain", domain), new OdooArgument("operator", @operator), new OdooArgument("limit", limit)],
            Context = context,
            IsReadOnly = true,
        };
        return client.ExecuteAsync(call, static (ref Utf8JsonReader r) => ReadNamePairs(ref r), cancellationToken);
    }

    /// <summary><c>res.users.context_get</c>, no arguments: the call that reads the user's context over JSON-2.</summary>
    public static OdooCall ContextGetCall() => new("res.users", ContextGet) { IsReadOnly = true };

    // ------------------------------------------------------------------ checks and answers

    /// <summary>Refuses a negative limit or offset, with the same message for every caller.</summary>
    public static void CheckPaging(int? limit, int offset)
    {
        if (limit is { } l) CheckLimit(l);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
    }

    private static void CheckLimit(int limit)
    {
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit cannot be negative.");
    }

    private static void AddPaging(List<OdooArgument> keywords, string? order, int? limit, int offset)
    {
        if (offset > 0) keywords.Add(new OdooArgument("offset", offset));
        if (limit is { } l) keywords.Add(new OdooArgument("limit", l));
        if (order is not null) keywords.Add(new OdooArgument("order", order));
    }

    /// <summary>The answer of a one-record <c>create</c>: an id, or a one-id list.</summary>
    private static int ReadCreatedId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number) return OdooJsonReader.ReadInt32(ref reader);
        var ids = OdooJsonReader.ReadIdList(ref reader);
        return ids.Length == 1 ? ids[0] : throw new OdooProtocolException($"Expected the id of the created record but found {ids.Length} ids.");
    }

    private static IReadOnlyList<(int Id, string Name)> ReadNamePairs(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref r, "a list of [id, name] pairs");
        var list = new List<(int, string)>();
        OdooJsonReader.Read(ref r);
        while (r.TokenType != JsonTokenType.EndArray)
        {
            if (!OdooJsonReader.ReadMany2One(ref r, out var id, out var name)) throw OdooJsonReader.Unexpected(ref r, "an [id, name] pair");
            list.Add((id, name ?? string.Empty));
            OdooJsonReader.Read(ref r);
        }
        return list;
    }
}
