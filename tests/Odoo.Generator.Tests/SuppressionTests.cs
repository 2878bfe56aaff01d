using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Tests.Infrastructure;

namespace Odoo.Generator.Tests;

/// <summary>
/// ODOO diagnostics sit on the declaration's syntax tree, so a project can tune them like any compiler or analyzer
/// diagnostic: an .editorconfig severity (here lowering ODOO002 to a warning, or turning it off) and
/// <c>#pragma warning disable</c> around the declaration both apply.
/// </summary>
public sealed class SuppressionTests
{
    private const string Directory = "/project";

    private const string Model = """
        using Odoo;
        namespace Ns;
        /// <summary>R.</summary>
        [OdooModel("a.b")]
        public partial record R
        {
        {{PRAGMA}}
            /// <summary>Not an Odoo field, but not marked [OdooIgnore] either.</summary>
            public int Plain { get; }
        {{RESTORE}}
        }
        """;

    private static ImmutableArray<Diagnostic> Run(string severity, bool pragma)
    {
        var source = Model
            .Replace("{{PRAGMA}}", pragma ? "#pragma warning disable ODOO002" : "")
            .Replace("{{RESTORE}}", pragma ? "#pragma warning restore ODOO002" : "");
        var options = GeneratorHarness.ParseOptions();
        var tree = CSharpSyntaxTree.ParseText(source, options, path: Directory + "/Model.cs");
        var editorConfig = AnalyzerConfig.Parse($"root = true\n[*.cs]\ndotnet_diagnostic.{DiagnosticDescriptors.PropertyNotPartial.Id}.severity = {severity}\n", Directory + "/.editorconfig");
        var configSet = AnalyzerConfigSet.Create(ImmutableArray.Create(editorConfig));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [tree],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSyntaxTreeOptionsProvider(new EditorConfigSeverities(configSet)));
        GeneratorHarness.CreateDriver(options).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return diagnostics;
    }

    [Fact]
    public void An_editorconfig_severity_applies_to_a_diagnostic_on_the_declaration()
    {
        var d = Assert.Single(Run("warning", pragma: false), x => x.Id == DiagnosticDescriptors.PropertyNotPartial.Id);

        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.False(d.IsSuppressed);
        Assert.Equal(Directory + "/Model.cs", d.Location.SourceTree?.FilePath);
    }

    [Fact]
    public void A_warning_level_diagnostic_is_suppressed_by_pragma_warning_disable()
    {
        var diagnostics = Run("warning", pragma: true);

        Assert.DoesNotContain(diagnostics, x => x.Id == DiagnosticDescriptors.PropertyNotPartial.Id && !x.IsSuppressed);
    }

    [Fact]
    public void A_diagnostic_is_turned_off_by_an_editorconfig_severity_of_none()
    {
        var diagnostics = Run("none", pragma: false);

        Assert.DoesNotContain(diagnostics, x => x.Id == DiagnosticDescriptors.PropertyNotPartial.Id && !x.IsSuppressed);
    }

    /// <summary>What the compiler builds from .editorconfig files: per-tree diagnostic severities.</summary>
    private sealed class EditorConfigSeverities(AnalyzerConfigSet configs) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            configs.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
