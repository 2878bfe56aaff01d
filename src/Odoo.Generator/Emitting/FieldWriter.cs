using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Emitting;

/// <summary>
/// What a field kind writes with: the writer, the record being generated and the field's loaded bit
/// (<see langword="null"/> for fields without state: aliases and declarations with an error), and the snippets
/// every kind shares (the not-loaded guard, guarded getters and accessors, the empty-value error).
/// </summary>
internal sealed class FieldWriter
{
    public const string Json = "global::System.Text.Json";
    public const string Reader = "global::Odoo.Serialization.OdooJsonReader";
    public const string Support = "global::Odoo.OdooRecordSupport";
    public const string ListOfInt = "global::System.Collections.Generic.IReadOnlyList<int>";

    public FieldWriter(SourceWriter writer, ModelSpec model)
    {
        W = writer;
        Model = model;
    }

    public SourceWriter W { get; }

    public ModelSpec Model { get; }

    /// <summary>The field's loaded bit; set by the model emitter before each field's outputs.</summary>
    public Slot? Slot { get; set; }

    /// <summary><c>[GeneratedCode]</c> for a generated type, or a member generated into the user's partial record.</summary>
    public void GeneratedCode() => W.Line(GeneratedAttributes.GeneratedCode);

    public static string Lit(string s) => Naming.Literal(s);

    public static string Xml(string s) => Naming.Xml(s);

    /// <summary>The property's modifiers followed by a space (<c>"public "</c>), or nothing.</summary>
    public static string Mods(FieldSpec f) => f.Modifiers.Length > 0 ? f.Modifiers + " " : "";

    /// <summary>Writes the statement that throws when the field is not loaded on <paramref name="receiver"/> (<c>""</c>: this record).</summary>
    public void NotLoadedGuard(FieldSpec f, string property, string receiver = "")
    {
        var slot = Slot!;
        var notLoaded = receiver.Length == 0 ? slot.NotLoaded : $"({receiver}{slot.Word} & {slot.Mask}) == 0UL";
        W.Line($"if ({notLoaded}) throw new global::Odoo.OdooFieldNotLoadedException({Lit(Model.Name)}, {Lit(property)}, {Lit(f.RemoteName)});");
    }

    /// <summary>
    /// Writes a get-only property <c><paramref name="signature"/> { get { guard; body } }</c> and a blank line: the getter
    /// throws when the field is not loaded (naming <paramref name="property"/>), else runs <paramref name="body"/>.
    /// </summary>
    public void GuardedGetter(FieldSpec f, string signature, string property, params string[] body)
    {
        GeneratedCode();
        W.Open(signature);
        W.Open("get");
        NotLoadedGuard(f, property);
        foreach (var line in body) W.Line(line);
        W.Close();
        W.Close();
        W.Line();
    }

    /// <summary>
    /// Writes a static accessor <c><paramref name="signature"/> { guard on record; body }</c> (a parameter named
    /// <c>record</c>) and a blank line: what the <c>Relations</c> descriptors call to read a relation's ids.
    /// </summary>
    public void GuardedAccessor(FieldSpec f, string signature, string body)
    {
        GeneratedCode();
        W.Open(signature);
        NotLoadedGuard(f, f.Name, receiver: "record.");
        W.Line(body);
        W.Close();
        W.Line();
    }

    /// <summary>The error for a non-nullable field Odoo sent empty (<c>false</c>).</summary>
    public string Empty(FieldSpec f, string property, string type) =>
        $"{Support}.EmptyValue({Lit(Model.Name)}, {Lit(property)}, {Lit(f.RemoteName)}, {Lit(type)})";
}
