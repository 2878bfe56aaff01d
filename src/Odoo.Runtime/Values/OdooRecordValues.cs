using System.Collections;

namespace Odoo.Values;

/// <summary>
/// The base of a generated values type (<c>ReferralCodeValues</c> for <c>ReferralCode</c>): a settable property
/// per writable field, checked by the compiler, that sends only the fields that were set. Managers'
/// <c>CreateAsync</c>, <c>CreateManyAsync</c> and <c>UpdateAsync</c> take it (the manager of another model does not:
/// there is deliberately no implicit conversion to <see cref="OdooValues"/>); <see cref="ToOdooValues"/> gives the
/// untyped values for other calls, and <see cref="OdooCommand{TTarget}.Create"/> nests it in a relation.
/// </summary>
/// <typeparam name="TRecord">The record type the values are for.</typeparam>
public abstract class OdooRecordValues<TRecord> : IEnumerable<KeyValuePair<string, object?>>
    where TRecord : OdooRecord
{
    private readonly OdooValues _values = new();
    private readonly Dictionary<string, object?> _set = new(StringComparer.Ordinal);

    /// <summary>Whether the property <paramref name="property"/> (its C# name) was set.</summary>
    /// <param name="property">The C# property name, for example <c>nameof(ReferralCodeValues.AllowedUses)</c>.</param>
    public bool IsSet(string property) => _values.ContainsKey(property);

    /// <summary>Unsets a property, so that it is not sent.</summary>
    /// <param name="property">The C# property name.</param>
    /// <returns>Whether it was set.</returns>
    public bool Unset(string property) => _set.Remove(property) & _values.Remove(property);

    /// <summary>A copy of the values that were set, keyed by C# names (the manager translates them to Odoo's).</summary>
    public OdooValues ToOdooValues() => OdooValues.From(_values);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The fields that were set and their values.</summary>
    public override string ToString() => GetType().Name + " " + _values;

    /// <summary>Sets a field (generated setters call this).</summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="property">The C# property name.</param>
    /// <param name="value">The value as the property holds it (what its getter returns).</param>
    /// <param name="sent">The value to send (an id for a link, the untyped commands of a relation).</param>
    protected void SetValue<T>(string property, T value, object? sent)
    {
        _set[property] = value;
        _values[property] = sent;
    }

    /// <summary>The untyped commands of typed relation commands (generated setters call this).</summary>
    /// <typeparam name="TTarget">The related record type.</typeparam>
    /// <param name="commands">The typed commands; <see langword="null"/> sends an empty list.</param>
    protected static OdooCommand[] Commands<TTarget>(IEnumerable<OdooCommand<TTarget>>? commands)
        where TTarget : OdooRecord =>
        commands is null ? [] : [.. commands.Select(c => (c ?? throw new ArgumentException("A relation command is null.", nameof(commands))).Command)];

    /// <summary>Returns a value that was set (generated getters call this).</summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="property">The C# property name.</param>
    /// <exception cref="InvalidOperationException">The property was not set.</exception>
    protected T GetValue<T>(string property) =>
        _set.TryGetValue(property, out var value)
            ? (T)value!
            : throw new InvalidOperationException($"{GetType().Name}.{property} was not set: only the fields that are set are sent (check IsSet first).");
}
