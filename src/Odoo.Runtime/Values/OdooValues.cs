using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Values;

/// <summary>
/// The values of a create or update, keyed by local (C#) names or Odoo names, in the order set. A
/// manager encodes them by its model's metadata:
/// <list type="bullet">
/// <item>aliases resolve to their target; <c>Partner</c>, <c>PartnerId</c> and <c>PartnerName</c> all mean the many2one <c>partner_id</c>;</item>
/// <item>a many2one takes an id or a record; <see langword="null"/> clears it (<c>false</c> on the wire);</item>
/// <item>an x2many takes a list of ids or records (replaces the whole relation: <c>[6, 0, ids]</c>; an empty list clears it),
/// <see cref="OdooCommand"/>s (alone or in a list), nested <see cref="OdooValues"/> (nested creates), or <see langword="null"/> (clears it);</item>
/// <item><see cref="DateOnly"/> is sent as <c>yyyy-MM-dd</c>, <see cref="DateTime"/>/<see cref="DateTimeOffset"/> as UTC
/// <c>yyyy-MM-dd HH:mm:ss</c>, enums as their selection keys;</item>
/// <item>two keys that resolve to the same Odoo field are an <see cref="ArgumentException"/> naming both, before any request.</item>
/// </list>
/// Setting the same key twice keeps the last value.
/// </summary>
/// <example><code>
/// int id = await odoo.ReferralCodes.CreateAsync(new OdooValues
/// {
///     ["Code"] = "WELCOME10",
///     ["AllowedUses"] = 5,
///     ["ReferralCreditType"] = creditType,   // a record or an id
/// }, cancellationToken: ct);
/// </code></example>
public sealed class OdooValues : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = [];

    /// <summary>Creates empty values.</summary>
    public OdooValues()
    {
    }

    /// <summary>Copies values from a dictionary (keys are local or Odoo names).</summary>
    /// <param name="values">The values.</param>
    public static OdooValues From(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values is OdooValues v) return v;
        var result = new OdooValues();
        foreach (var pair in values) result.Set(pair.Key, pair.Value);
        return result;
    }

    /// <summary>The number of keys.</summary>
    public int Count => _items.Count;

    /// <summary>Gets or sets the value of a key (setting replaces an earlier value of the same key).</summary>
    /// <param name="field">A local or Odoo name.</param>
    public object? this[string field]
    {
        get
        {
            var i = IndexOf(field);
            return i >= 0 ? _items[i].Value : throw new KeyNotFoundException($"No value is set for '{field}'.");
        }
        set => Set(field, value);
    }

    /// <summary>Gets the value set for a key, if any (the key as it was set: a local or Odoo name).</summary>
    /// <param name="field">The key.</param>
    /// <param name="value">The value, when set.</param>
    /// <returns>Whether a value is set for <paramref name="field"/>.</returns>
    public bool TryGetValue(string field, out object? value)
    {
        var i = IndexOf(field);
        value = i >= 0 ? _items[i].Value : null;
        return i >= 0;
    }

    /// <summary>Sets a value (replacing an earlier value of the same key) and returns these values, for chaining.</summary>
    /// <param name="field">A local name (property, alias, <c>Id</c>/<c>Name</c>/<c>Ids</c> form) or an Odoo name.</param>
    /// <param name="value">The value.</param>
    public OdooValues Set(string field, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var i = IndexOf(field);
        if (i >= 0) _items[i] = new(field, value);
        else _items.Add(new(field, value));
        return this;
    }

    /// <summary>Adds a value (for collection initializers).</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The key is already set.</exception>
    public void Add(string field, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (IndexOf(field) >= 0) throw new ArgumentException($"'{field}' is already set.", nameof(field));
        _items.Add(new(field, value));
    }

    /// <summary>Removes a key.</summary>
    /// <param name="field">The key.</param>
    /// <returns>Whether it was set.</returns>
    public bool Remove(string field)
    {
        var i = IndexOf(field);
        if (i < 0) return false;
        _items.RemoveAt(i);
        return true;
    }

    /// <summary>Whether a key is set.</summary>
    /// <param name="field">The key.</param>
    public bool ContainsKey(string field) => IndexOf(field) >= 0;

    /// <summary>
    /// Encodes the values for a model (see the type remarks).
    /// </summary>
    /// <param name="metadata">The model written; <see langword="null"/> sends every key and value as it is (dates and records still encoded).</param>
    /// <param name="version">The server version (for version-specific names).</param>
    /// <exception cref="ArgumentException">Two keys resolve to the same Odoo field, or a value does not fit its field.</exception>
    public OdooEncodedValues Encode(OdooModelMetadata? metadata, OdooVersion? version = null)
    {
        var index = metadata is null ? null : OdooFieldIndex.For(metadata);
        var recordName = index?.RecordName ?? "the record";
        var encoded = new List<KeyValuePair<string, object?>>(_items.Count);
        var keyOfRemote = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _items)
        {
            var resolved = index?.Resolve(key, version) ?? new OdooResolvedField(null, OdooFieldRole.Value, key);
            if (!keyOfRemote.TryAdd(resolved.Remote, key))
            {
                throw new ArgumentException(
                    $"The keys '{keyOfRemote[resolved.Remote]}' and '{key}' both resolve to the Odoo field '{resolved.Remote}' of {recordName}; set it once.",
                    key);
            }
            encoded.Add(new(resolved.Remote, EncodeValue(resolved.Field, key, value, recordName, version)));
        }
        return new OdooEncodedValues(encoded);
    }

    private static object? EncodeValue(OdooFieldMetadata? field, string key, object? value, string recordName, OdooVersion? version)
    {
        if (field is { Kind: OdooFieldKind.Many2One })
        {
            return value switch
            {
                null or false => false,
                int or long or short => value,
                OdooRecord r => r.Id,
                _ => throw new ArgumentException(
                    $"Unsupported value for the many2one field '{key}' of {recordName}: {Describe(value)}. Pass an id, a record, or null to clear it.", key),
            };
        }
        if (field is { IsToMany: true })
        {
            return EncodeToMany(field.RelationTarget?.Invoke(), key, value, recordName, version);
        }
        // Undeclared names: commands and nested values still get their wire form.
        if (field is null && (value is OdooCommand or OdooValues || value is IEnumerable e and not string and not IDictionary and not IReadOnlyDictionary<string, object?> && ContainsCommands(e)))
        {
            return EncodeToMany(null, key, value, recordName, version);
        }
        if (field is not null && !Fits(field.Kind, value))
        {
            throw new ArgumentException(
                $"The value for '{key}' of {recordName} does not fit the field: {field.Name} is {KindName(field.Kind)} ({field.RemoteName}) and the value is a {value!.GetType().Name}. {KindHint(field.Kind)}",
                key);
        }
        return OdooFieldEncoding.EncodeValue(field, value, key);
    }

    /// <summary>
    /// Whether a value can be sent for a declared field of <paramref name="kind"/>: <see langword="null"/> and
    /// <see langword="false"/> (Odoo's empty value) fit every field, raw JSON (<see cref="IOdooJsonWritable"/>,
    /// <see cref="JsonElement"/>, <see cref="System.Text.Json.Nodes.JsonNode"/>) is sent as it is, and a string fits
    /// the kinds whose wire form is text (char, date, datetime, selection, binary).
    /// </summary>
    private static bool Fits(OdooFieldKind kind, object? value)
    {
        if (value is null or false or IOdooJsonWritable or JsonElement or System.Text.Json.Nodes.JsonNode) return true;
        return kind switch
        {
            OdooFieldKind.Boolean => value is bool,
            OdooFieldKind.Integer => value is int or long or short or byte or sbyte or ushort or uint or Enum,
            OdooFieldKind.Float => value is int or long or short or byte or sbyte or ushort or uint or ulong or float or double or decimal,
            OdooFieldKind.Char => value is string or Enum,
            OdooFieldKind.Date or OdooFieldKind.DateTime => value is string or DateOnly or DateTime or DateTimeOffset,
            OdooFieldKind.Selection => value is string or Enum or int or long,
            OdooFieldKind.Binary => value is string or byte[] or ReadOnlyMemory<byte> or Memory<byte>,
            _ => true,
        };
    }

    private static string KindName(OdooFieldKind kind) => kind switch
    {
        OdooFieldKind.Boolean => "a boolean field",
        OdooFieldKind.Integer => "an integer field",
        OdooFieldKind.Float => "a float field",
        OdooFieldKind.Char => "a text field",
        OdooFieldKind.Date => "a date field",
        OdooFieldKind.DateTime => "a datetime field",
        OdooFieldKind.Selection => "a selection field",
        OdooFieldKind.Binary => "a binary field",
        _ => "a " + kind.ToString().ToLowerInvariant() + " field",
    };

    private static string KindHint(OdooFieldKind kind) => kind switch
    {
        OdooFieldKind.Boolean => "Pass true or false.",
        OdooFieldKind.Integer => "Pass an int or long (parse text first), or null to clear it.",
        OdooFieldKind.Float => "Pass a number (double, decimal, int), or null to clear it.",
        OdooFieldKind.Char => "Pass a string (format numbers yourself), or null to clear it.",
        OdooFieldKind.Date => "Pass a DateOnly (or DateTime), or null to clear it.",
        OdooFieldKind.DateTime => "Pass a DateTime or DateTimeOffset, or null to clear it.",
        OdooFieldKind.Selection => "Pass the enum member or the selection key as a string.",
        OdooFieldKind.Binary => "Pass the bytes (byte[]) or their base64 text.",
        _ => "",
    };

    private static bool ContainsCommands(IEnumerable items)
    {
        foreach (var item in items)
        {
            if (item is OdooCommand or OdooValues) return true;
        }
        return false;
    }

    private static List<object?> EncodeToMany(OdooModelMetadata? target, string key, object? value, string recordName, OdooVersion? version)
    {
        switch (value)
        {
            case null:
                return [OdooCommand.Clear().Encode(target, version)];
            case OdooCommand c:
                return [c.Encode(target, version)];
            case OdooValues v:
                return [OdooCommand.Create(v).Encode(target, version)];
            case IReadOnlyDictionary<string, object?> d:
                return [OdooCommand.Create(d).Encode(target, version)];
            case string or not IEnumerable:
                throw new ArgumentException(
                    $"Unsupported value for the x2many field '{key}' of {recordName}: {Describe(value)}. Pass a list of ids or records (replaces the relation), OdooCommand values, or null to clear it.", key);
        }
        var items = ((IEnumerable)value).Cast<object?>().ToList();
        var ids = new List<int>(items.Count);
        var commands = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case int id: ids.Add(id); break;
                case long l when l is > 0 and <= int.MaxValue: ids.Add((int)l); break;
                case OdooRecord r: ids.Add(r.Id); break;
                case OdooCommand or OdooValues or IReadOnlyDictionary<string, object?>: commands++; break;
                default:
                    throw new ArgumentException(
                        $"Unsupported element value for the x2many field '{key}' of {recordName}: {Describe(item)}. Elements are ids, records, OdooCommand values or OdooValues (nested creates).", key);
            }
        }
        if (commands == 0) return [OdooCommand.Set(ids).Encode(target, version)];
        if (ids.Count > 0)
        {
            throw new ArgumentException(
                $"The value of the x2many field '{key}' of {recordName} mixes ids with commands. A list of ids replaces the whole relation; to add records next to other commands use OdooCommand.Link(id), to replace use OdooCommand.Set(ids).", key);
        }
        var result = new List<object?>(items.Count);
        foreach (var item in items)
        {
            result.Add(item switch
            {
                OdooCommand c => c.Encode(target, version),
                OdooValues v => OdooCommand.Create(v).Encode(target, version),
                IReadOnlyDictionary<string, object?> d => OdooCommand.Create(d).Encode(target, version),
                _ => throw new InvalidOperationException("unreachable"),
            });
        }
        return result;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + $" ({value.GetType().Name})",
        _ => value.GetType().Name,
    };

    private int IndexOf(string field)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, field, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _items.Select(p => $"{p.Key}: {p.Value ?? "null"}")) + "}";
}
