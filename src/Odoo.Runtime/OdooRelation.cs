using Odoo.Metadata;

namespace Odoo;

/// <summary>
/// Describes one relation of a generated record type, for code that loads it for many records at
/// once (one <c>read</c> per related model instead of one per record). Every generated record
/// exposes its relations as <c>{Record}.Relations.{Property}</c>.
/// </summary>
public abstract class OdooRelation
{
    private protected OdooRelation(string name, string remoteName, OdooFieldKind kind)
    {
        Name = name;
        RemoteName = remoteName;
        Kind = kind;
    }

    /// <summary>The C# relation property, for example <c>ReferralCreditType</c>.</summary>
    public string Name { get; }

    /// <summary>The Odoo field, for example <c>referral_credit_type</c>.</summary>
    public string RemoteName { get; }

    /// <summary><see cref="OdooFieldKind.Many2One"/>, <see cref="OdooFieldKind.One2Many"/> or <see cref="OdooFieldKind.Many2Many"/>.</summary>
    public OdooFieldKind Kind { get; }

    /// <summary>The metadata of the related model.</summary>
    public abstract OdooModelMetadata TargetMetadata { get; }

    /// <summary>The related record type (relations with the same one are loaded with one read).</summary>
    internal abstract Type TargetType { get; }

    /// <summary>Adds the related ids of the owners whose relation was read and is not loaded yet.</summary>
    internal abstract void GatherIds(IReadOnlyList<OdooRecord> owners, List<int> ids);

    /// <summary>Reads the related records of every relation of <paramref name="group"/> (all with this target type) in one read, fills the owners' caches, and returns the records read.</summary>
    internal abstract Task<IReadOnlyList<OdooRecord>> LoadGroupAsync(IReadOnlyList<OdooRelation> group, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken);

    /// <summary>Fills the caches of the owners whose relation was read and is not loaded yet from <paramref name="byId"/>.</summary>
    internal abstract void Assign(IReadOnlyList<OdooRecord> owners, IReadOnlyDictionary<int, OdooRecord> byId);

    /// <summary>Whether <paramref name="owner"/> was read with this relation's field.</summary>
    private protected bool WasRead(OdooRecord owner) =>
        owner.Source.Fields is not { } fields || fields.Contains(RemoteName, StringComparer.Ordinal);

    private protected OdooRecordNotFoundException NotFound(string ownerType, int[] missing) =>
        new($"{ownerType}.{Name}: the related {TargetMetadata.ModelName} records with IDs not found: {string.Join(", ", missing)}")
        {
            Model = TargetMetadata.ModelName,
            Method = "read",
            Ids = missing,
            MissingIds = missing,
        };

    /// <inheritdoc />
    public override string ToString() => $"{Name} -> {RemoteName} ({Kind}, {TargetMetadata.ModelName})";
}
