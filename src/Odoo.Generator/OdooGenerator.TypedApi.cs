using System.Collections.Generic;
using System.Linq;
using Odoo.Generator.Model;

namespace Odoo.Generator;

public sealed partial class OdooGenerator
{
    /// <summary>
    /// The typed API of a record: the nested <c>Fields</c> class (one typed reference per field, for domains, field lists
    /// and orders) and the <c>{Record}Values</c> class (one settable property per writable field, for creates and updates).
    /// </summary>
    internal static class TypedApi
    {
        private const string FieldsNs = "global::Odoo.Fields.";
        private const string ValuesNs = "global::Odoo.Values.";

        /// <summary>The base record's fields, on every root record's <c>Fields</c>: name, reference type (with <c>{0}</c> for the record), Odoo name.</summary>
        private static readonly (string Name, string Type, string Remote, string Doc)[] BaseFields =
        {
            ("Id", FieldsNs + "OdooValueField<{0}, int>", "id", "The record id"),
            ("DisplayName", FieldsNs + "OdooStringField<{0}>", "display_name", "The name Odoo displays for the record"),
            ("CreateDate", FieldsNs + "OdooValueField<{0}, global::System.DateTime?>", "create_date", "When the record was created"),
            ("CreateUid", FieldsNs + "OdooValueField<{0}, int?>", "create_uid", "The id of the user who created the record"),
            ("WriteDate", FieldsNs + "OdooValueField<{0}, global::System.DateTime?>", "write_date", "When the record was last written"),
            ("WriteUid", FieldsNs + "OdooValueField<{0}, int?>", "write_uid", "The id of the user who last wrote the record"),
        };

        /// <summary>The field reference type of a declared field, or <see langword="null"/> when it has none (aliases, id lists, invalid declarations).</summary>
        private static string? ReferenceType(ModelSpec spec, FieldSpec f) => f.Kind switch
        {
            FieldKind.Invalid or FieldKind.Alias or FieldKind.IdList => null,
            FieldKind.String => $"{FieldsNs}OdooStringField<{spec.FullName}>",
            FieldKind.Many2One => $"{FieldsNs}OdooMany2OneField<{spec.FullName}, {f.TargetFullName}>",
            FieldKind.One2Many or FieldKind.Many2Many => $"{FieldsNs}OdooX2ManyField<{spec.FullName}, {f.TargetFullName}>",
            _ => $"{FieldsNs}OdooValueField<{spec.FullName}, {f.TypeDisplay}>",
        };

        /// <summary>Emits the nested <c>Fields</c> class (inside the record's declaration).</summary>
        public static void EmitFields(SourceWriter w, ModelSpec spec, List<FieldSpec> fields)
        {
            var self = spec.FullName;
            var derived = spec.Base is not null;
            w.Line($"/// <summary>");
            w.Line($"/// Typed references to the fields of <see cref=\"{self}\"/> (Odoo model <c>{Naming.Xml(spec.ModelName)}</c>), checked by the compiler:");
            w.Line("/// domains with C# operators (<c>Fields.X &gt; 0</c>), <c>fields:</c> lists, orders (<c>Fields.X.Descending</c>) and unique-field lookups.");
            w.Line("/// </summary>");
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
                if (ReferenceType(spec, f) is not { } type) continue;
                w.Line();
                w.Line($"/// <summary>The field <see cref=\"{self}.{f.Name}\"/> (Odoo field <c>{Naming.Xml(f.RemoteName)}</c>).</summary>");
                w.Line($"public static {type} {f.Name} {{ get; }} = new({Naming.Literal(f.Name)}, {Naming.Literal(f.RemoteName)});");
            }
            w.Close();
            w.Line();
        }

        /// <summary>Whether a field gets a property on the values type.</summary>
        private static bool IsWritable(FieldSpec f) =>
            !f.IsReadOnly && f.Kind is not (FieldKind.Invalid or FieldKind.Alias or FieldKind.IdList);

        /// <summary>Emits <c>{Record}Values</c> (at the level of the manager).</summary>
        public static void EmitValues(SourceWriter w, ModelSpec spec, List<FieldSpec> fields)
        {
            var self = spec.FullName;
            var name = spec.Name + "Values";
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// The values of a create or an update of <see cref=\"{self}\"/> records (Odoo model <c>{Naming.Xml(spec.ModelName)}</c>), checked by");
            w.Line("/// the compiler: a property per writable field, and only the properties that are set are sent. Managers' <c>CreateAsync</c>,");
            w.Line("/// <c>CreateManyAsync</c> and <c>UpdateAsync</c> take it; <c>ToOdooValues()</c> gives the untyped values.");
            w.Line("/// </summary>");
            w.Open($"{spec.EffectiveAccessibility} sealed class {name} : {ValuesNs}OdooRecordValues<{self}>");
            var first = true;
            foreach (var f in fields)
            {
                if (!IsWritable(f)) continue;
                if (!first) w.Line();
                first = false;
                EmitValueProperty(w, self, f);
            }
            w.Close();
        }

        /// <summary>Members of <c>OdooRecordValues&lt;T&gt;</c> and <see cref="object"/> a field's property hides (with <c>new</c>).</summary>
        private static readonly string[] BaseMembers = { "IsSet", "Unset", "ToOdooValues", "GetEnumerator", "GetValue", "SetValue", "Commands", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };

        private static void EmitValueProperty(SourceWriter w, string self, FieldSpec f)
        {
            var key = Naming.Literal(f.Name);
            var hide = System.Array.IndexOf(BaseMembers, f.Name) >= 0 ? "new " : "";
            w.Line($"/// <summary>Sets <see cref=\"{self}.{f.Name}\"/> (Odoo field <c>{Naming.Xml(f.RemoteName)}</c>); reading it before it is set throws.</summary>");
            switch (f.Kind)
            {
                case FieldKind.Many2One:
                {
                    var type = $"{ValuesNs}OdooRecordId<{f.TargetFullName}>";
                    if (f.IsNullable)
                    {
                        w.Line($"public {hide}{type}? {f.Name} {{ get => GetValue<{type}?>({key}); set => SetValue({key}, value, value?.Id); }}");
                    }
                    else
                    {
                        w.Line($"public {hide}{type} {f.Name} {{ get => GetValue<{type}>({key}); set => SetValue({key}, value, value.Id); }}");
                    }
                    break;
                }
                case FieldKind.One2Many:
                case FieldKind.Many2Many:
                {
                    var type = $"global::System.Collections.Generic.IEnumerable<{ValuesNs}OdooCommand<{f.TargetFullName}>>";
                    w.Line($"public {hide}{type} {f.Name} {{ get => GetValue<{type}>({key}); set => SetValue({key}, value, Commands(value)); }}");
                    break;
                }
                default:
                    w.Line($"public {hide}{f.TypeDisplay} {f.Name} {{ get => GetValue<{f.TypeDisplay}>({key}); set => SetValue({key}, value, value); }}");
                    break;
            }
        }
    }
}
