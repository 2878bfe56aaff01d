using Microsoft.CodeAnalysis.Testing;

namespace Odoo.Analyzers.Tests;

public sealed class NPlusOneTests
{
    [Fact]
    public async Task A_relation_loaded_per_record_in_a_loop_over_records_is_reported_and_fixed()
    {
        var test = new OdooTest<NPlusOneCodeFix>("""
            class C
            {
                async Task M(IReadOnlyList<ReferralCode> codes)
                {
                    foreach (var code in codes)
                    {
                        var partner = await {|#0:code.LoadPartnerAsync()|};
                        System.Console.WriteLine(partner?.Name);
                    }
                }
            }
            """, """
            class C
            {
                async Task M(IReadOnlyList<ReferralCode> codes)
                {
                    await codes.LoadAsync(ReferralCode.Relations.Partner);
                    foreach (var code in codes)
                    {
                        var partner = code.Partner;
                        System.Console.WriteLine(partner?.Name);
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(OdooDiagnostics.NPlusOne).WithLocation(0).WithArguments("ReferralCode", "Partner"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Loops_not_over_records_and_loads_outside_loops_do_not_fire()
    {
        var test = new OdooTest<NPlusOneCodeFix>("""
            class C
            {
                async Task M(IReadOnlyList<int> ids, ReferralCode one, IReadOnlyList<ReferralCode> codes)
                {
                    foreach (var id in ids)
                    {
                        _ = await one.LoadPartnerAsync();
                    }
                    _ = await one.LoadPartnerAsync();
                    foreach (var code in codes)
                    {
                        _ = await one.LoadPartnerAsync();
                    }
                }
            }
            """);
        await test.RunAsync();
    }
}

public sealed class WrongValueTypeTests
{
    [Fact]
    public async Task A_value_of_the_wrong_type_in_an_OdooValues_initializer_is_reported()
    {
        var test = new OdooTest<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>("""
            class C
            {
                async Task M(ReferralCodeManager codes, int id)
                {
                    await codes.CreateAsync(new OdooValues { ["AllowedUses"] = {|#0:"five"|}, ["referral_credit_amount"] = {|#1:true|} });
                    await codes.UpdateAsync(id, new OdooValues { { "Code", {|#2:5|} } });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(OdooDiagnostics.WrongValueType).WithLocation(0).WithArguments("AllowedUses", "ReferralCode", "int", "string"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(OdooDiagnostics.WrongValueType).WithLocation(1).WithArguments("referral_credit_amount", "ReferralCode", "double", "bool"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(OdooDiagnostics.WrongValueType).WithLocation(2).WithArguments("Code", "ReferralCode", "string", "int"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fitting_values_null_many2one_ids_and_dynamic_values_do_not_fire()
    {
        var test = new OdooTest<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>("""
            class C
            {
                async Task M(ReferralCodeManager codes, object anything)
                {
                    await codes.CreateAsync(new OdooValues
                    {
                        ["AllowedUses"] = 5, ["CreditAmount"] = 5, ["Code"] = null, ["Token"] = "A", ["partner_id"] = 7, ["allowed_uses"] = anything,
                    });
                }
            }
            """);
        await test.RunAsync();
    }
}
