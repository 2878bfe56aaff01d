using System;
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

        // Specs with their declaration's location feed the per-model emit only (ODOO999 goes on the declaration);
        // the specs the assembly file is made of hold no location.
        var located = results
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => new LocatedSpec(r.Spec!, r.Identity?.Location))
            .WithTrackingName(TrackingNames.LocatedSpecs);

        var specs = located
            .Select(static (l, _) => l.Spec)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(
            located.Combine(compilation).WithTrackingName(TrackingNames.SpecsWithCompilation),
            static (spc, pair) => Emitter.SafeEmitModel(spc, pair.Left, pair.Right));

        context.RegisterSourceOutput(
            results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));

        var identities = results
            .Select(static (r, _) => r.Identity).Where(static i => i is not null).Select(static (i, _) => i!)
            .Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllIdentities);

        // Where failures not tied to one declaration (the compilation, the assembly file, the cross-model check) go.
        var firstDeclaration = identities
            .Select(static (all, _) => Parser.FirstLocation(all))
            .WithTrackingName(TrackingNames.FirstDeclaration);

        context.RegisterSourceOutput(
            specs.Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllSpecs)
                .Combine(compilation).Combine(firstDeclaration).WithTrackingName(TrackingNames.AssemblyInputs),
            static (spc, pair) => Emitter.SafeEmitAssembly(spc, pair.Left.Left, pair.Left.Right, pair.Right));

        context.RegisterSourceOutput(identities, static (spc, all) => Report(spc, Parser.CheckAcrossModels(all)));
    }

    internal static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var args = new object[d.Arguments.Count];
            for (var i = 0; i < args.Length; i++) args[i] = d.Arguments[i];
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(d.Id), d.Location?.ToLocation() ?? Location.None, args));
        }
    }

    /// <summary>Reports an unexpected exception as ODOO999.</summary>
    /// <param name="spc">The output context.</param>
    /// <param name="location">The declaration it concerns; <see langword="null"/> for none.</param>
    /// <param name="subject">What could not be done, for the message.</param>
    /// <param name="failure">The exception, described by <see cref="Describe"/>.</param>
    internal static void ReportInternalError(SourceProductionContext spc, LocationInfo? location, string subject, string failure) =>
        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, location?.ToLocation() ?? Location.None, subject, failure));

    /// <summary>An exception for an ODOO999 message: its type and message.</summary>
    internal static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;
}
