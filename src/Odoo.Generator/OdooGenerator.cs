using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Emitting;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;
using Odoo.Generator.Parsing;

namespace Odoo.Generator;

/// <summary>
/// Turns <c>[OdooModel]</c> partial records into typed Odoo records: property implementations over
/// decoded state, a UTF-8 JSON decoder, field metadata, relation loaders, a manager and client
/// access. Parsing is in <c>Parsing/</c> (<see cref="ModelParser"/>), each field kind in <c>Fields/</c>,
/// the files in <c>Emitting/</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OdooGenerator : IIncrementalGenerator
{
    internal const string OdooModelAttributeName = "Odoo.OdooModelAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                OdooModelAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                static (ctx, ct) => ModelParser.SafeParse(ctx, ct))
            .WithTrackingName(TrackingNames.Declarations);

        var compilation = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => CompilationReader.SafeRead(pair.Left, pair.Right))
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
            static (spc, pair) => ModelEmitter.SafeEmit(spc, pair.Left, pair.Right));

        var identities = results
            .Select(static (r, _) => r.Identity).Where(static i => i is not null).Select(static (i, _) => i!)
            .Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllIdentities);

        // Diagnostics are reported against the current compilation's syntax trees (so #pragma warning and
        // .editorconfig severities apply). Only declarations that have some reach the compilation, so an edit
        // elsewhere re-runs nothing in a project without diagnostics; the diagnostics themselves are part of the
        // cached Declarations step.
        var declarationDiagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .Where(static d => d.Count > 0);
        context.RegisterSourceOutput(declarationDiagnostics.Combine(context.CompilationProvider), static (spc, pair) =>
        {
            foreach (var d in pair.Left) spc.ReportDiagnostic(d.ToDiagnostic(pair.Right));
        });
        // The checks across models (ODOO007, ODOO020) see every declaration: reported without the compilation, so an
        // edit anywhere does not re-run them (their locations are file locations).
        context.RegisterSourceOutput(identities, static (spc, all) =>
        {
            foreach (var d in CrossModelCheck.Run(all)) spc.ReportDiagnostic(d.ToDiagnostic(null));
        });

        // Where failures not tied to one declaration (the compilation, the assembly file, the cross-model check) go.
        var firstDeclaration = identities
            .Select(static (all, _) => CrossModelCheck.FirstLocation(all))
            .WithTrackingName(TrackingNames.FirstDeclaration);

        // The assembly file needs each model's names, not its fields: an edit of a property leaves it cached.
        var headers = specs
            .Select(static (s, _) => s with { Fields = EquatableArray<FieldSpec>.Empty, DefaultFields = null })
            .WithTrackingName(TrackingNames.SpecHeaders);

        context.RegisterSourceOutput(
            headers.Collect().Select(static (all, _) => all.ToEquatableArray()).WithTrackingName(TrackingNames.AllSpecs)
                .Combine(compilation).Combine(firstDeclaration).WithTrackingName(TrackingNames.AssemblyInputs),
            static (spc, pair) => AssemblyEmitter.SafeEmit(spc, pair.Left.Left, pair.Left.Right, pair.Right));
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
