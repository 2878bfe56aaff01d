using Odoo.Generator.Emitting;

namespace Odoo.Generator.Fields;

/// <summary>
/// The shape the plain value kinds share (scalars, dates, id lists, selections): one private <c>__f_</c> value, a
/// property that returns it (or throws for a non-nullable field Odoo sent empty) and an optional <c>init</c>.
/// </summary>
internal abstract record ValueField : FieldSpec
{
    protected ValueField(FieldSpec declaration) : base(declaration)
    {
    }

    /// <summary>The type of the <c>__f_</c> field, nullable form included (<c>int?</c>, <c>bool</c>).</summary>
    protected abstract string StateType { get; }

    /// <summary>Whether the getter returns the stored value as is (no empty-value check).</summary>
    protected virtual bool ReturnsStoredValue => IsNullable;

    /// <summary>The expression that decodes the value from <c>reader</c>.</summary>
    protected abstract string ReadCall { get; }

    /// <summary>The wire value for <c>ToDictionary(raw: true)</c>, from the stored value <paramref name="value"/>.</summary>
    protected abstract string RawValue(string value);

    public override string? FieldReferenceType(string self) => $"global::Odoo.Fields.OdooValueField<{self}, {TypeDisplay}>";

    public override bool IsWritable => !IsReadOnly;

    public override void EmitValueProperty(FieldWriter w, string hide)
    {
        w.W.Line($"public {hide}{TypeDisplay} {Name} {{ get => GetValue<{TypeDisplay}>({FieldWriter.Lit(Name)}); set => SetValue({FieldWriter.Lit(Name)}, value, value); }}");
    }

    public override void EmitState(FieldWriter w) => w.W.Line($"private {StateType} {GeneratedNames.Value(Name)};");

    public override void EmitProperty(FieldWriter w)
    {
        var value = GeneratedNames.Value(Name);
        w.GeneratedCode();
        w.W.Open($"{FieldWriter.Mods(this)}partial {TypeDisplay} {Name}");
        w.W.Open("get");
        w.NotLoadedGuard(this, Name);
        EmitGetterChecks(w);
        if (ReturnsStoredValue) w.W.Line($"return {value}{ReturnSuffix};");
        else w.W.Line($"return {value} ?? throw {w.Empty(this, Name, TypeShort)};");
        w.W.Close();
        if (HasInit)
        {
            w.W.Open("init");
            w.W.Line($"{value} = value;");
            EmitInitExtra(w);
            w.W.Line(w.Slot!.Set);
            w.W.Close();
        }
        w.W.Close();
        w.W.Line();
        EmitHelpers(w);
    }

    /// <summary>What follows the stored value in a getter that returns it as is (<c>!</c> for id lists).</summary>
    protected virtual string ReturnSuffix => "";

    /// <summary>Checks in the getter after the not-loaded guard.</summary>
    protected virtual void EmitGetterChecks(FieldWriter w)
    {
    }

    /// <summary>Statements of the <c>init</c> accessor after storing the value.</summary>
    protected virtual void EmitInitExtra(FieldWriter w)
    {
    }

    /// <summary>Private members after the property.</summary>
    protected virtual void EmitHelpers(FieldWriter w)
    {
    }

    public override void EmitRead(FieldWriter w) => w.W.Line($"{GeneratedNames.Value(Name)} = {ReadCall};");

    public override void EmitPrint(FieldWriter w) => w.W.Line($"{FieldWriter.Support}.AppendValue(builder, {GeneratedNames.Value(Name)});");

    public override void EmitDictionary(FieldWriter w, string remoteKey)
    {
        var value = GeneratedNames.Value(Name);
        w.W.Line($"if (raw) values[{remoteKey}] = {RawValue(value)}; else values[{FieldWriter.Lit(Name)}] = {value};");
    }
}
