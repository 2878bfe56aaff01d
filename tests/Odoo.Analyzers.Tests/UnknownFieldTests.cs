using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace Odoo.Analyzers.Tests;

public sealed class UnknownFieldTests
{
    private static DiagnosticResult Unknown(int marker, string name, string model, string? suggestion) =>
        new DiagnosticResult(OdooDiagnostics.UnknownField).WithLocation(marker)
            .WithArguments(name, model, suggestion is null ? "" : $"; did you mean '{suggestion}'?");

    [Fact]
    public async Task Domain_fields_order_unique_field_and_values_keys_are_checked_with_a_suggestion()
    {
        var test = new OdooTest<EmptyCodeFixProvider>("""
            class C
            {
                async Task M(ReferralCodeManager codes, OdooManager<ReferralCode> generic)
                {
                    await codes.SearchAsync(OdooDomain.Where({|#0:"AllowedUsez"|}, ">", 0) & OdooDomain.Equal("code", "X"),
                        fields: ["Code", {|#1:"Cdoe"|}], order: {|#2:"CreditAmount desc, AllowedUsez"|});
                    await generic.GetByUniqueFieldAsync({|#3:"Zzz"|}, "A");
                    await codes.CreateAsync(new OdooValues { [{|#4:"AllowdUses"|}] = 5, ["Code"] = "A" });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Unknown(0, "AllowedUsez", "ReferralCode", "AllowedUses"));
        test.ExpectedDiagnostics.Add(Unknown(1, "Cdoe", "ReferralCode", "Code"));
        test.ExpectedDiagnostics.Add(Unknown(2, "AllowedUsez", "ReferralCode", "AllowedUses"));
        test.ExpectedDiagnostics.Add(Unknown(3, "Zzz", "ReferralCode", null));
        test.ExpectedDiagnostics.Add(Unknown(4, "AllowdUses", "ReferralCode", "AllowedUses"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Properties_odoo_names_aliases_base_fields_paths_and_dynamic_names_do_not_fire()
    {
        var test = new OdooTest<EmptyCodeFixProvider>("""
            class C
            {
                async Task M(ReferralCodeManager codes, string dynamicName)
                {
                    await codes.SearchAsync(
                        OdooDomain.Where("AllowedUses", ">", 0) & OdooDomain.Equal("allowed_uses", 1) & OdooDomain.Equal("referral_credit_amount", 1.0)
                            & OdooDomain.Equal("Token", "A") & OdooDomain.In("partner_id.name", new[] { "A" }) & OdooDomain.Equal(dynamicName, 1)
                            & OdooDomain.Equal("display_name", "A") & OdooDomain.Equal("CreateDate", null),
                        fields: ["Code", "partner_id", "id", dynamicName], order: "write_date desc, Code");
                    // No manager: the model is unknown.
                    _ = OdooDomain.Where("Anything", "=", 1);
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_fix_writes_the_typed_field_reference()
    {
        var test = new OdooTest<UnknownFieldCodeFix>("""
            class C
            {
                async Task M(ReferralCodeManager codes)
                {
                    await codes.SearchAsync(OdooDomain.Where({|#0:"AllowedUsez"|}, ">", 0), fields: [{|#1:"cdoe"|}]);
                }
            }
            """, """
            class C
            {
                async Task M(ReferralCodeManager codes)
                {
                    await codes.SearchAsync(OdooDomain.Where(ReferralCode.Fields.AllowedUses, ">", 0), fields: [ReferralCode.Fields.Code]);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Unknown(0, "AllowedUsez", "ReferralCode", "AllowedUses"));
        test.ExpectedDiagnostics.Add(Unknown(1, "cdoe", "ReferralCode", "Code"));
        await test.RunAsync();
    }
}
