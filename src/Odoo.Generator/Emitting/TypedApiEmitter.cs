using System.Collections.Generic;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Emitting;

/// <summary>
/// The typed API of a record: the nested <c>Fields</c> class (one typed reference per field, for domains, field lists
/// and orders) and the <c>{Record}Values</c> class (one settable property per writable field, for creates and updates).
/// What each field contributes is its kind's (<see cref="FieldSpec.FieldReferenceType"/>, <see cref="FieldSpec.EmitValueProperty"/>).
/// </summary>
internal static class TypedApiEmitter
{
    private const string FieldsNs = "global::Odoo.Fields.";

    /// <summary>The base record's fields, on every root record's <c>Fields</c>: name, reference type (<c>{0}</c> is the record), Odoo name, summary.</summary>
    private static readonly (string Name, string Type, string Remote, string Doc)[] BaseFields =
    {
        ("Id", FieldsNs + "OdooValueField<{0}, int>", "id", "The record id"),
        ("DisplayName", FieldsNs + "OdooStringField<{0}>", "display_name", "The name Odoo displays for the record"),
        ("CreateDate", FieldsNs + "OdooValueField<{0}, global::System.DateTime?>", "create_date", "When the record was created"),
        ("CreateUid", FieldsNs + "OdooValueField<{0}, int?>", "create_uid", "The id of the user who created the record"),
        ("WriteDate", FieldsNs + "OdooValueField<{0}, global::System.DateTime?>", "write_date", "When the record was last written"),
        ("WriteUid", FieldsNs + "OdooValueField<{0}, int?>", "write_uid", "The id of the user who last wrote the record"),
    };

    /// <summary>Members of <c>OdooRecordValues&lt;T&gt;</c> and <see cref="object"/> a values property hides (with <c>new</c>).</summary>
    private static readonly string[] BaseMembers = { "IsSet", "Unset", "ToOdooValues", "GetEnumerator", "GetValue", "SetValue", "Commands", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>Writes the nested <c>Fields</c> class (inside the record's declaration).</summary>
    public static void EmitFields(FieldWriter fw, ModelSpec spec, List<FieldSpec> fields)
    {
        var w = fw.W;
        var self = spec.FullName;
        var derived = spec.Base is not null;
        w.Line("/// <summary>");
        w.Line($"/// Typed references to the fields of <see cref=\"{self}\"/> (Odoo model <c>{Naming.Xml(spec.ModelName)}</c>), checked by the compiler:");
        w.Line("/// domains with C# operators (<c>Fields.X &gt; 0</c>), <c>fields:</c> lists, orders (<c>Fields.X.Descending</c>) and unique-field lookups.");
        w.Line("/// </summary>");
        fw.GeneratedCode();
        w.Line(GeneratedAttributes.ExcludeFromCodeCoverage);
        w.Open(derived ? $"public new class Fields : {spec.Base!.FullName}.Fields" : "public class Fields");
        w.Line("/// <summary>Not instantiated: every member is static.</summary>");
        w.Line("protected Fields()");
        w.Line("{");
        w.Line("}");
        if (!derived)
        {
            foreach (var (name, type, remote, doc) in BaseFields)
            {
                w.Line();
                w.Line($"/// <summary>{doc} (Odoo field <c>{remote}</c>).</summary>");
                w.Line($"public static {string.Format(System.Globalization.CultureInfo.InvariantCulture, type, self)} {name} {{ get; }} = new({Naming.Literal(name)}, {Naming.Literal(remote)});");
            }
        }
        foreach (var f in fields)
        {
            if (f.FieldReferenceType(self) is not { } type) continue;
            w.Line();
            w.Line($"/// <summary>The field <see cref=\"{self}.{f.Name}\"/> (Odoo field <c>{Naming.Xml(f.RemoteName)}</c>).</summary>");
            w.Line($"public static {type} {f.Name} {{ get; }} = new({Naming.Literal(f.Name)}, {Naming.Literal(f.RemoteName)});");
        }
        w.Close();
        w.Line();
    }

    /// <summary>Writes <c>{Record}Values</c> (beside the manager).</summary>
    public static void EmitValues(FieldWriter fw, ModelSpec spec, List<FieldSpec> fields)
    {
        var w = fw.W;
        var self = spec.FullName;
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// The values of a create or an update of <see cref=\"{self}\"/> records (Odoo model <c>{Naming.Xml(spec.ModelName)}</c>), checked by");
        w.Line("/// the compiler: a property per writable field, and only the properties that are set are sent. Managers' <c>CreateAsync</c>,");
        w.Line("/// <c>CreateManyAsync</c> and <c>UpdateAsync</c> take it; <c>ToOdooValues()</c> gives the untyped values.");
        w.Line("/// </summary>");
        fw.GeneratedCode();
        w.Line(GeneratedAttributes.ExcludeFromCodeCoverage);
        w.Open($"{spec.EffectiveAccessibility} sealed class {spec.Name}Values : global::Odoo.Values.OdooRecordValues<{self}>");
        var first = true;
        foreach (var f in fields)
        {
            if (!f.IsWritable) continue;
            if (!first) w.Line();
            first = false;
            w.Line($"/// <summary>Sets <see cref=\"{self}.{f.Name}\"/> (Odoo field <c>{Naming.Xml(f.RemoteName)}</c>); reading it before it is set throws.</summary>");
            f.EmitValueProperty(fw, System.Array.IndexOf(BaseMembers, f.Name) >= 0 ? "new " : "");
        }
        w.Close();
    }
}
