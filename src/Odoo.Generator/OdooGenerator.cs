using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Odoo.Generator.Model;

namespace Odoo.Generator;

/// <summary>
/// Turns <c>[OdooModel]</c> partial records into typed Odoo records: property implementations over
/// decoded state, a UTF-8 JSON decoder, field metadata, relation loaders, a manager and client
/// access. Parsing is in <c>OdooGenerator.Parser.cs</c>, output in <c>OdooGenerator.Emitter.cs</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class OdooGenerator : IIncrementalGenerator
{
    internal const string OdooModelAttributeName = "Odoo.OdooModelAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                OdooModelAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                static (ctx, ct) => Parser.SafeParse(ctx, ct))
            .WithTrackingName(TrackingNames.Declarations);

        var compilation = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => Parser.SafeCompilationSpec(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CompilationInfo);

        var specs = results
            .Select(static (r, _) => r.Spec)
            .Where(static s => s is not null)
            .Select(static (s, _) => s!)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(
            specs.Combine(compilation).WithTrackingName(TrackingNames.SpecsWithCompilation),
            static (spc, pair) => Emitter.SafeEmitModel(spc, pair.Left, pair.Right));

        context.RegisterSourceOutput(
            results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));

        context.RegisterSourceOutput(
            specs.Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllSpecs).Combine(compilation),
            static (spc, pair) => Emitter.SafeEmitAssembly(spc, pair.Left, pair.Right));

        context.RegisterSourceOutput(
            results.Select(static (r, _) => r.Identity).Where(static i => i is not null).Select(static (i, _) => i!)
                .Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllIdentities),
            static (spc, identities) => Report(spc, Parser.CheckAcrossModels(identities)));
    }

    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var args = new object[d.Arguments.Count];
            for (var i = 0; i < args.Length; i++) args[i] = d.Arguments[i];
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(d.Id), d.Location?.ToLocation() ?? Location.None, args));
        }
    }
}
