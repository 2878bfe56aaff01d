namespace Odoo.Generator.Emitting;

/// <summary>
/// The attributes that mark generated code, as the .NET generators write them (System.Text.Json, the logging
/// generator): <c>[GeneratedCode]</c> on every generated type and on each member generated into a user's partial
/// record (the members of a type OdooGen writes whole are marked through their type, which keeps the output small:
/// a thousand models are tens of megabytes of source); <c>[ExcludeFromCodeCoverage]</c> on
/// the types OdooGen writes whole (no hand-written part can share them); <c>[DebuggerNonUserCode]</c> on the
/// plumbing a user never steps into (decoding, printing, the dictionary).
/// </summary>
internal static class GeneratedAttributes
{
    public static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode({Naming.Literal(GeneratorInfo.Name)}, {Naming.Literal(GeneratorInfo.Version)})]";

    public const string ExcludeFromCodeCoverage = "[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]";

    public const string DebuggerNonUserCode = "[global::System.Diagnostics.DebuggerNonUserCode]";
}
