using Microsoft.CodeAnalysis;
using Odoo.Generator.Tests.Infrastructure;

namespace Odoo.Generator.Tests;

/// <summary>
/// The generated typed API turns a wrong value type into a compile error where the string forms fail on the
/// server: a comparison of an int field with a string, a string set on an int field, a many2one set to a
/// record of another model, a write of a read-only field, a condition on another model passed to a search.
/// </summary>
public sealed class TypedApiCompileTests
{
    private static IReadOnlyList<Diagnostic> CompileUse(string body, string? declarations = null)
    {
        var use = $$"""
            using System.Threading.Tasks;
            using Odoo;
            using Odoo.Domains;
            using Odoo.Values;
            using Billing.Models;

            namespace Billing.Use;

            /// <summary>Uses the typed API.</summary>
            public static class Use
            {
                /// <summary>The code under test.</summary>
                public static async Task RunAsync(ReferralCodeManager codes, CreditType creditType, Partner partner)
                {
                    {{body}}
                    await Task.CompletedTask;
                }
            }
            """;
        var run = GeneratorHarness.Run([declarations ?? Scenarios.ReferralCode, use]);
        Assert.Empty(run.Odoo);
        return [.. run.Errors];
    }

    [Fact]
    public void The_issue_example_compiles()
    {
        var errors = CompileUse("""
            _ = await codes.SearchAsync(
                ReferralCode.Fields.AllowedUses > 0 & ReferralCode.Fields.Code.Like("SPRING-%"),
                fields: [ReferralCode.Fields.Code],
                order: ReferralCode.Fields.AllowedUses.Descending,
                limit: 10);
            _ = await codes.CreateAsync(new ReferralCodeValues { AllowedUses = 5, Code = "X", ReferralCreditType = creditType, RewardCreditType = 7, Referrals = [OdooCommand<Partner>.Link(partner)] });
            OdooDomain path = ReferralCode.Fields.ReferralCreditType.Then(CreditType.Fields.Name) == "Referral credit";
            """);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("_ = ReferralCode.Fields.AllowedUses > \"five\";", "CS0019")]
    [InlineData("_ = ReferralCode.Fields.Code == 5;", "CS0019")]
    [InlineData("_ = new ReferralCodeValues { AllowedUses = \"five\" };", "CS0029")]
    [InlineData("_ = new ReferralCodeValues { ReferralCreditType = partner };", "CS0029")]
    [InlineData("_ = await codes.CreateAsync(new CreditTypeValues { Name = \"x\" });", "CS1503")]
    [InlineData("_ = ReferralCode.Fields.Referrals.Any(Partner.Fields.Name == 3);", "CS0019")]
    [InlineData("_ = new ReferralCodeValues { Code = 5 };", "CS0029")]
    public void A_wrong_type_does_not_compile(string statement, string expectedError)
    {
        var errors = CompileUse(statement);
        Assert.Contains(errors, d => d.Id == expectedError && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_read_only_field_has_no_property_on_the_values_type()
    {
        var declarations = Scenarios.ReferralCode.Replace(
            "public partial int AllowedUses { get; }",
            "[OdooReadOnly] public partial int AllowedUses { get; }",
            StringComparison.Ordinal);
        Assert.NotEqual(Scenarios.ReferralCode, declarations);
        var errors = CompileUse("_ = new ReferralCodeValues { AllowedUses = 5 };", declarations);
        Assert.Contains(errors, d => d.Id == "CS0117" && d.GetMessage().Contains("AllowedUses", StringComparison.Ordinal));
        Assert.Empty(CompileUse("_ = ReferralCode.Fields.AllowedUses > 0;", declarations)); // still queried
    }

    [Fact]
    public void A_property_named_Fields_is_reported_instead_of_generating_a_clash()
    {
        var declarations = Scenarios.ReferralCode.Replace(
            "public partial string Code { get; }",
            "public partial string Code { get; }\n\n    /// <summary>Clashes.</summary>\n    public partial string Fields { get; }",
            StringComparison.Ordinal);
        var run = GeneratorHarness.Run(declarations);
        Assert.Contains(run.Odoo, d => d.GetMessage().Contains("Fields", StringComparison.Ordinal));
    }
}
