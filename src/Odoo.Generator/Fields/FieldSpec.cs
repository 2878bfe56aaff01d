using System.Collections.Generic;
using Odoo.Generator.Emitting;
using Odoo.Generator.Model;

namespace Odoo.Generator.Fields;

/// <summary>
/// One declared partial property of a model record. Each field kind is a record deriving from this one, in its own
/// file (<c>Fields/*Field.cs</c>): it holds what only that kind needs, reads itself from the declaration
/// (<c>TryCreate</c>, registered in <see cref="FieldKinds"/>) and writes every output of its kind (state, property,
/// decoding, metadata, relations, printing, dictionary). Like every pipeline model it is value-equatable and holds
/// no Roslyn object.
/// </summary>
internal abstract record FieldSpec
{
    /// <summary>Copies the declaration's data (name, type, modifiers, Odoo names) from <paramref name="declaration"/>.</summary>
    protected FieldSpec(FieldSpec declaration)
    {
        Name = declaration.Name;
        Modifiers = declaration.Modifiers;
        TypeDisplay = declaration.TypeDisplay;
        TypeShort = declaration.TypeShort;
        IsNullable = declaration.IsNullable;
        HasInit = declaration.HasInit;
        RemoteName = declaration.RemoteName;
        Versions = declaration.Versions;
        IsReadOnly = declaration.IsReadOnly;
    }

    protected FieldSpec()
    {
    }

    public string Name { get; init; } = "";
    public string Modifiers { get; init; } = "public";
    /// <summary>The declared type, fully qualified, with its nullability (<c>int?</c>, <c>global::Ns.CreditType?</c>).</summary>
    public string TypeDisplay { get; init; } = "";
    /// <summary>The declared type without nullability, for messages (<c>int</c>, <c>CreditType</c>).</summary>
    public string TypeShort { get; init; } = "";
    public bool IsNullable { get; init; }
    public bool HasInit { get; init; }
    public string RemoteName { get; init; } = "";
    public EquatableArray<VersionNameSpec> Versions { get; init; } = EquatableArray<VersionNameSpec>.Empty;
    /// <summary>Declared with <c>[OdooReadOnly]</c>: no property on the values type.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Whether the field has decoded state and a loaded bit (not aliases, not declarations with an error).</summary>
    public virtual bool IsStored => true;

    /// <summary>Whether the field is listed in the record's metadata (not declarations with an error).</summary>
    public virtual bool HasMetadata => true;

    /// <summary>Whether the field is a relation with a descriptor in the record's <c>Relations</c> class (listed in the metadata's <c>RelationDescriptors</c>).</summary>
    public virtual bool IsRelation => false;

    /// <summary>The <c>OdooFieldKind</c> member named in the metadata.</summary>
    public abstract string MetadataKind { get; }

    /// <summary>The Odoo name in the metadata and in <c>DefaultFields</c> (an alias: its target's).</summary>
    public virtual string MetadataRemoteName => RemoteName;

    /// <summary>
    /// The public members OdooGen generates beside the property (a many2one's id and name, a loader), with how to
    /// rename each, in the order their clashes are checked.
    /// </summary>
    public virtual IEnumerable<(string Name, string HowToRename)> GeneratedMembers() => System.Array.Empty<(string, string)>();

    /// <summary>The generated members an alias may point to: name, Odoo name, metadata kind and C# type.</summary>
    public virtual IEnumerable<AliasTarget> AliasTargets() => System.Array.Empty<AliasTarget>();

    /// <summary>This declaration as one with an error: it keeps its data and gets a property that throws.</summary>
    public FieldSpec AsInvalid() => this is InvalidField ? this : new InvalidField(this);

    /// <summary>The private fields holding the decoded value.</summary>
    public abstract void EmitState(FieldWriter w);

    /// <summary>The property implementation and the members beside it (id and name halves, loader, accessors).</summary>
    public abstract void EmitProperty(FieldWriter w);

    /// <summary>The statement of <c>TryReadField</c> that decodes the value (the loaded bit is set after it).</summary>
    public abstract void EmitRead(FieldWriter w);

    /// <summary>The kind's lines of its <c>OdooFieldMetadata</c> initializer, after <c>ClrType</c>.</summary>
    public virtual void EmitMetadata(FieldWriter w)
    {
    }

    /// <summary>The kind's descriptor in the record's <c>Relations</c> class (relations only).</summary>
    public virtual void EmitRelation(FieldWriter w)
    {
    }

    /// <summary>The type of the field's typed reference in the record's <c>Fields</c> class (<paramref name="self"/> is the record), or <see langword="null"/> for none.</summary>
    public virtual string? FieldReferenceType(string self) => null;

    /// <summary>Whether the field has a property on the record's values type (<c>{Record}Values</c>).</summary>
    public virtual bool IsWritable => false;

    /// <summary>The field's property on the values type (writable fields only): typed like the record's, and sending what Odoo expects.</summary>
    public virtual void EmitValueProperty(FieldWriter w, string hide)
    {
    }

    /// <summary>The statement of <c>PrintMembers</c> that appends the loaded value.</summary>
    public abstract void EmitPrint(FieldWriter w);

    /// <summary>The statements of <c>AddLoadedFields</c> that add the loaded value under <paramref name="remoteKey"/> or the property names.</summary>
    public abstract void EmitDictionary(FieldWriter w, string remoteKey);
}
