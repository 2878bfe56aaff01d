using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Odoo.Analyzers;

namespace Odoo.Analyzers.Tests;

/// <summary>
/// Runs the analyzers (and a code fix) on test sources with the generator, against the running
/// runtime's assemblies and the built Odoo.Runtime, as a consumer's build would.
/// </summary>
internal sealed class OdooTest<TFix> : CSharpCodeFixTest<OdooUsageAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(OdooRecord).Assembly.Location));
        return [.. refs];
    });

    public OdooTest(string source, string? fixedSource = null)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(LazyReferences.Value);
        TestCode = Models + source;
        if (fixedSource is not null) FixedCode = Models + fixedSource;
        // The generated sources are part of the compilation; only the test source is compared.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(Odoo.Generator.OdooGenerator)];

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp13);

    /// <summary>
    /// The models every test uses; the generator gives each its typed field references
    /// (<c>{Model}.Fields.{Property}</c>), which the ODOO100 fix writes.
    /// </summary>
    public const string Models = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Odoo;
        using Odoo.Domains;
        using Odoo.Values;

        [OdooModel("res.partner")]
        public partial record Partner
        {
            public partial string Name { get; }
        }

        [OdooModel("referral.code")]
        public partial record ReferralCode
        {
            public partial string Code { get; }
            public partial int AllowedUses { get; }
            [OdooField("referral_credit_amount")] public partial double CreditAmount { get; }
            [FieldAlias("Code")] public partial string Token { get; }
            [Many2One("partner_id")] public partial Partner? Partner { get; }
        }

        """;
}
