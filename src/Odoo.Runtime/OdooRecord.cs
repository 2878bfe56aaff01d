using System.Text.Json;
using Odoo.Metadata;
using Odoo.Serialization;

namespace Odoo;

/// <summary>
/// Base of every generated Odoo record. Holds the fields every Odoo model has (<see cref="Id"/>,
/// <see cref="DisplayName"/>, creation and last-write stamps) and the record's origin.
/// </summary>
/// <remarks>
/// <para><b>Equality.</b> Two records are equal when they are of the same record type and have
/// the same <see cref="Id"/>, like Odoo's own records: two reads of the same row compare equal even
/// if a field changed in between. Compare field values explicitly to detect changes.</para>
/// <para><b>Thread safety.</b> Records are immutable snapshots; relation caches are safe to use from
/// many threads.</para>
/// </remarks>
public abstract record OdooRecord
{
    private const int IdBit = 1, DisplayNameBit = 2, CreateDateBit = 4, CreateUidBit = 8, WriteDateBit = 16, WriteUidBit = 32;

    private int _baseLoaded;
    private int _id;
    private string? _displayName;
    private DateTime? _createDate;
    private int? _createUid;
    private string? _createName;
    private DateTime? _writeDate;
    private int? _writeUid;
    private string? _writeName;
    private OdooRelationSlot<OdooRecord?>? _createUser;
    private OdooRelationSlot<OdooRecord?>? _writeUser;

    /// <summary>Creates a record read from <paramref name="source"/>.</summary>
    /// <param name="source">Where the record came from.</param>
    protected OdooRecord(OdooRecordSource source) => Source = source ?? OdooRecordSource.Detached;

    /// <summary>Where the record came from (client, fields, context).</summary>
    protected internal OdooRecordSource Source { get; }

    /// <summary>The record type's name, used in messages (for example <c>ReferralCode</c>).</summary>
    protected virtual string RecordTypeName => GetType().Name;

    /// <summary>The database id. Read-only: a record is a snapshot of one row, so <c>record with { Id = 9 }</c>
    /// (which would keep this row's fields and relation caches under another id) is not allowed.</summary>
    public int Id => (_baseLoaded & IdBit) != 0 ? _id : throw new OdooFieldNotLoadedException(RecordTypeName, nameof(Id), "id");

    /// <summary>Odoo's display name (<c>display_name</c>).</summary>
    public string? DisplayName => Loaded(DisplayNameBit, nameof(DisplayName), "display_name") ? _displayName : null;

    /// <summary>When the record was created (UTC); <see langword="null"/> when Odoo has no value.</summary>
    public DateTime? CreateDate => Loaded(CreateDateBit, nameof(CreateDate), "create_date") ? _createDate : null;

    /// <summary>The id of the user who created the record.</summary>
    public int? CreateUid => Loaded(CreateUidBit, nameof(CreateUid), "create_uid") ? _createUid : null;

    /// <summary>The name of the user who created the record.</summary>
    public string? CreateName => Loaded(CreateUidBit, nameof(CreateName), "create_uid") ? _createName : null;

    /// <summary>When the record was last written (UTC).</summary>
    public DateTime? WriteDate => Loaded(WriteDateBit, nameof(WriteDate), "write_date") ? _writeDate : null;

    /// <summary>The id of the user who last wrote the record.</summary>
    public int? WriteUid => Loaded(WriteUidBit, nameof(WriteUid), "write_uid") ? _writeUid : null;

    /// <summary>The name of the user who last wrote the record.</summary>
    public string? WriteName => Loaded(WriteUidBit, nameof(WriteName), "write_uid") ? _writeName : null;

    /// <summary>Loads the user who created the record (one request, then cached).</summary>
    /// <remarks>The first <typeparamref name="TUser"/> loaded is cached; asking for another record type later reads the
    /// user again as that type (one request per call).</remarks>
    /// <typeparam name="TUser">The record type declared for <c>res.users</c>.</typeparam>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<TUser?> LoadCreateUserAsync<TUser>(CancellationToken cancellationToken = default)
        where TUser : OdooRecord, IOdooRecord<TUser> =>
        LoadUserAsync<TUser>(LazyInitializer.EnsureInitialized(ref _createUser, static () => new()), CreateUid, cancellationToken);

    /// <summary>Loads the user who last wrote the record (one request, then cached).</summary>
    /// <remarks>The first <typeparamref name="TUser"/> loaded is cached; asking for another record type later reads the
    /// user again as that type (one request per call).</remarks>
    /// <typeparam name="TUser">The record type declared for <c>res.users</c>.</typeparam>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<TUser?> LoadWriteUserAsync<TUser>(CancellationToken cancellationToken = default)
        where TUser : OdooRecord, IOdooRecord<TUser> =>
        LoadUserAsync<TUser>(LazyInitializer.EnsureInitialized(ref _writeUser, static () => new()), WriteUid, cancellationToken);

    private async ValueTask<TUser?> LoadUserAsync<TUser>(OdooRelationSlot<OdooRecord?> slot, int? uid, CancellationToken cancellationToken)
        where TUser : OdooRecord, IOdooRecord<TUser>
    {
        var loaded = await slot.GetOrLoadAsync(
            (Self: this, Uid: uid),
            static async (s, ct) => await s.Self.ReadUserAsync<TUser>(s.Uid, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (loaded is null or TUser) return (TUser?)loaded;
        // The slot holds the user as another record type (loaded through another TUser): read it as this one, uncached.
        return (TUser?)await ReadUserAsync<TUser>(uid, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OdooRecord?> ReadUserAsync<TUser>(int? uid, CancellationToken cancellationToken)
        where TUser : OdooRecord, IOdooRecord<TUser> =>
        uid is { } id ? await Source.RequireClient(RecordTypeName).ReadOneAsync<TUser>(id, Source.Context, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// Reads one of the fields every model has, if <paramref name="utf8Name"/> names one. Called by
    /// generated decoders for each property they do not declare themselves.
    /// </summary>
    /// <param name="utf8Name">The Odoo field name, UTF-8.</param>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>Whether the field was one of the base fields (and was read).</returns>
    protected bool TryReadBaseField(scoped ReadOnlySpan<byte> utf8Name, ref Utf8JsonReader reader)
    {
        switch (utf8Name.Length)
        {
            case 2 when utf8Name.SequenceEqual("id"u8):
                _id = OdooJsonReader.ReadInt32(ref reader);
                _baseLoaded |= IdBit;
                return true;
            case 9 when utf8Name.SequenceEqual("write_uid"u8):
                _writeUid = OdooJsonReader.ReadMany2One(ref reader, out var wid, out _writeName) ? wid : null;
                _baseLoaded |= WriteUidBit;
                return true;
            case 10 when utf8Name.SequenceEqual("create_uid"u8):
                _createUid = OdooJsonReader.ReadMany2One(ref reader, out var cid, out _createName) ? cid : null;
                _baseLoaded |= CreateUidBit;
                return true;
            case 10 when utf8Name.SequenceEqual("write_date"u8):
                _writeDate = OdooRecordSupport.ReadNullableDateTime(ref reader);
                _baseLoaded |= WriteDateBit;
                return true;
            case 11 when utf8Name.SequenceEqual("create_date"u8):
                _createDate = OdooRecordSupport.ReadNullableDateTime(ref reader);
                _baseLoaded |= CreateDateBit;
                return true;
            case 12 when utf8Name.SequenceEqual("display_name"u8):
                _displayName = OdooJsonReader.ReadNullableString(ref reader);
                _baseLoaded |= DisplayNameBit;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The undeclared fields of the row, as one compact UTF-8 JSON object (<c>{"name":value,...}</c>):
    /// one array per record, and none when every field was declared (see <see cref="ReadFields"/>).
    /// </summary>
    private byte[]? _unknownFields;

    /// <summary>
    /// Reads the fields of one JSON object into this record: each property is offered to
    /// <see cref="TryReadField"/>; the others are kept (see <see cref="TryGetUnknownField"/>) when
    /// <paramref name="keepUnknownFields"/> is set, else skipped. Called by generated decoders, and by
    /// <see cref="ReadUnknownFieldsOf"/> on the kept fields.
    /// </summary>
    /// <remarks>
    /// Kept fields cost one byte copy of their raw JSON and one array per record that has any (no
    /// <see cref="JsonDocument"/>, no string per name); they are parsed only when asked for.
    /// </remarks>
    /// <param name="reader">The reader, on the object's <c>StartObject</c>; left on its <c>EndObject</c>.</param>
    /// <param name="keepUnknownFields">Whether to keep undeclared fields, so that a derived record type can be built from this record later without a request.</param>
    protected void ReadFields(ref Utf8JsonReader reader, bool keepUnknownFields)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref reader, "a record object");
        OdooJsonReader.Read(ref reader);
        OdooRawJsonBuffer? unknown = null;
        try
        {
            while (reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName) throw OdooJsonReader.Unexpected(ref reader, "a field name");
                if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                {
                    var name = reader.ValueSpan;
                    OdooJsonReader.Read(ref reader);
                    if (!TryReadField(name, ref reader)) SkipOrKeep(name, ref reader, keepUnknownFields, ref unknown);
                }
                else
                {
                    ReadEscapedField(ref reader, keepUnknownFields, ref unknown);
                }
                OdooJsonReader.Read(ref reader);
            }
            if (unknown is not null) _unknownFields = unknown.ToObjectArray();
        }
        finally
        {
            unknown?.Return();
        }
    }

    private void ReadEscapedField(ref Utf8JsonReader reader, bool keepUnknownFields, ref OdooRawJsonBuffer? unknown)
    {
        Span<byte> scratch = stackalloc byte[128];
        var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = max <= scratch.Length ? scratch : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            scoped ReadOnlySpan<byte> name = buffer[..reader.CopyString(buffer)];
            OdooJsonReader.Read(ref reader);
            if (!TryReadField(name, ref reader)) SkipOrKeep(name, ref reader, keepUnknownFields, ref unknown);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void SkipOrKeep(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, bool keep, ref OdooRawJsonBuffer? unknown)
    {
        if (!keep)
        {
            reader.Skip();
            return;
        }
        unknown ??= OdooRawJsonBuffer.Rent();
        unknown.AppendProperty(name);
        unknown.AppendValue(ref reader);
    }

    /// <summary>
    /// Reads one field value if <paramref name="utf8Name"/> names a field this record type declares.
    /// Generated records override it (falling back to the base implementation); this one reads the
    /// fields every model has.
    /// </summary>
    /// <param name="utf8Name">The Odoo field name, UTF-8.</param>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    /// <returns>Whether the field was declared (and read).</returns>
    protected virtual bool TryReadField(scoped ReadOnlySpan<byte> utf8Name, ref Utf8JsonReader reader) => TryReadBaseField(utf8Name, ref reader);

    /// <summary>
    /// Gets the raw value of a field that was read but that this record type does not declare
    /// (kept only by records that can be extended, i.e. not sealed).
    /// </summary>
    /// <param name="remoteName">The Odoo field name.</param>
    /// <param name="value">The raw JSON value.</param>
    public bool TryGetUnknownField(string remoteName, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(remoteName);
        if (_unknownFields is { } blob)
        {
            var reader = new Utf8JsonReader(blob);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(remoteName);
                reader.Read();
                if (match)
                {
                    value = JsonElement.ParseValue(ref reader);
                    return true;
                }
                reader.Skip();
            }
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Offers the undeclared fields kept by a record of a base type to this (derived) record's
    /// <see cref="TryReadField"/>; used by generated <c>From</c> conversions, so that no request is needed.
    /// </summary>
    /// <param name="other">The record converted from (usually the copy-constructor source of this one).</param>
    /// <param name="keepUnknownFields">Whether to keep the fields this type does not declare either.</param>
    protected void ReadUnknownFieldsOf(OdooRecord other, bool keepUnknownFields)
    {
        ArgumentNullException.ThrowIfNull(other);
        var blob = other._unknownFields;
        _unknownFields = null;
        if (blob is null) return;
        // The blob is one JSON object (see ReadFields), so the decoders' loop reads it: declared fields
        // are offered to TryReadField, the rest kept or skipped, and _unknownFields set again when any are kept.
        var reader = new Utf8JsonReader(blob);
        reader.Read();
        ReadFields(ref reader, keepUnknownFields);
    }

    /// <summary>
    /// Prints the loaded base fields, each preceded by <c>", "</c> (so a generated
    /// <c>PrintMembers</c> prints the model first). Never throws for fields that were not read.
    /// </summary>
    /// <param name="builder">The text being built.</param>
    protected void AppendLoadedBaseFields(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if ((_baseLoaded & IdBit) != 0) builder.Append(", id: ").Append(_id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((_baseLoaded & DisplayNameBit) != 0)
        {
            builder.Append(", display_name: ");
            OdooRecordSupport.AppendValue(builder, _displayName);
        }
    }

    /// <summary>
    /// Prints the loaded base fields for the record's <c>ToString</c> (replacing the compiler's
    /// version, which would read every public property and throw for fields that were not read).
    /// Generated records override it to print their model and loaded fields.
    /// </summary>
    /// <param name="builder">The text being built.</param>
    /// <returns>Whether anything was printed.</returns>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("type: ").Append(RecordTypeName);
        AppendLoadedBaseFields(builder);
        return true;
    }

    /// <summary>
    /// The fields that were read, as a dictionary; never sends a request and never throws for fields
    /// that were not read (they are simply absent).
    /// </summary>
    /// <remarks>
    /// <para><paramref name="raw"/> = <see langword="false"/> (the default): keys are C# property names
    /// (<c>Id</c>, <c>Code</c>, <c>ReferralCreditTypeId</c>, <c>ReferralCreditTypeName</c>, <c>ReferralIds</c>)
    /// and values are what the properties return: <see cref="int"/>, <see cref="string"/>,
    /// <see cref="DateOnly"/>, UTC <see cref="DateTime"/>, enum members, <c>IReadOnlyList&lt;int&gt;</c>,
    /// <see cref="JsonElement"/>... An empty Odoo value is <see langword="null"/> (also for a non-nullable
    /// property, whose getter would throw), and a selection key that no enum member maps to is the key
    /// string. A relation gives its id (and name) entries, not the related records.</para>
    /// <para><paramref name="raw"/> = <see langword="true"/>: keys are Odoo field names (for the server
    /// version the record was read from) and values are Odoo's wire values: <c>false</c> for an empty
    /// value, <c>[id, "name"]</c> (an <c>object[]</c>) for a many2one, id lists, <c>yyyy-MM-dd</c> and
    /// <c>yyyy-MM-dd HH:mm:ss</c> strings for dates and datetimes, selection keys. Serialized with
    /// System.Text.Json it gives back the row as Odoo sent it (for the declared fields).</para>
    /// <para>Aliases are not repeated, and undeclared fields are not included (see <see cref="TryGetUnknownField"/>).</para>
    /// </remarks>
    /// <param name="raw">Key by Odoo field names with Odoo's wire values.</param>
    public IReadOnlyDictionary<string, object?> ToDictionary(bool raw = false)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        AddLoadedFields(values, raw);
        return values;
    }

    /// <summary>
    /// Adds the loaded fields to a <see cref="ToDictionary"/> result. Generated records override it
    /// (calling the base first); this one adds the fields every model has.
    /// </summary>
    /// <param name="values">The dictionary being built.</param>
    /// <param name="raw">Odoo names and wire values, instead of property names and decoded values.</param>
    protected virtual void AddLoadedFields(IDictionary<string, object?> values, bool raw)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((_baseLoaded & IdBit) != 0) values[raw ? "id" : nameof(Id)] = _id;
        if ((_baseLoaded & DisplayNameBit) != 0) values[raw ? "display_name" : nameof(DisplayName)] = raw ? OdooRecordSupport.RawString(_displayName) : _displayName;
        if ((_baseLoaded & CreateDateBit) != 0) values[raw ? "create_date" : nameof(CreateDate)] = raw ? OdooRecordSupport.RawDateTime(_createDate) : _createDate;
        if ((_baseLoaded & CreateUidBit) != 0)
        {
            if (raw)
            {
                values["create_uid"] = OdooRecordSupport.RawMany2One(_createUid, _createName);
            }
            else
            {
                values[nameof(CreateUid)] = _createUid;
                values[nameof(CreateName)] = _createName;
            }
        }
        if ((_baseLoaded & WriteDateBit) != 0) values[raw ? "write_date" : nameof(WriteDate)] = raw ? OdooRecordSupport.RawDateTime(_writeDate) : _writeDate;
        if ((_baseLoaded & WriteUidBit) != 0)
        {
            if (raw)
            {
                values["write_uid"] = OdooRecordSupport.RawMany2One(_writeUid, _writeName);
            }
            else
            {
                values[nameof(WriteUid)] = _writeUid;
                values[nameof(WriteName)] = _writeName;
            }
        }
    }

    private bool Loaded(int bit, string property, string remote) =>
        (_baseLoaded & bit) != 0 ? true : throw new OdooFieldNotLoadedException(RecordTypeName, property, remote);

    /// <summary>Same record type and same <see cref="Id"/> (see the remarks on <see cref="OdooRecord"/>).</summary>
    /// <param name="other">The other record.</param>
    public virtual bool Equals(OdooRecord? other) =>
        other is not null && EqualityContract == other.EqualityContract && _id == other._id;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, _id);
}
