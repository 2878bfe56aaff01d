using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Model;
using Odoo.Generator.Parsing;
using Odoo.Generator.Tests.Infrastructure;
using Odoo.Generator.Tests.Models;
using Odoo.Testing;

namespace Odoo.Generator.Tests;

/// <summary>
/// One manager per record type per client: <c>client.Manager&lt;T&gt;()</c> (what record operations and batched
/// relation loads use) is the generated manager the client property returns; and the generated model table.
/// </summary>
public sealed class ManagerIdentityTests
{
    private static async Task<(OdooTestServer Server, OdooClient Client)> ConnectAsync()
    {
        var server = await OdooTestServer.StartAsync();
        var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl,
            Database = server.Database,
            Username = server.Username,
            Password = server.Password,
            Protocol = OdooProtocol.JsonRpc,
        });
        return (server, client);
    }

    [Fact]
    public async Task Manager_of_T_is_the_client_property_instance_for_base_and_derived_records()
    {
        var (server, client) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        Assert.Same(client.ReferralCodes, client.Manager<ReferralCode>());
        Assert.Same(client.Partners, client.Manager<Partner>());
        Assert.Same(client.BillingPartners, client.Manager<BillingPartner>());
        Assert.IsType<ReferralCodeManager>(client.Manager<ReferralCode>());
        Assert.IsType<PartnerManager>(client.Manager<Partner>());
        Assert.IsType<BillingPartnerManager>(client.Manager<BillingPartner>());
        Assert.NotSame((object)client.Partners, client.BillingPartners);
        // Asked first through Manager<T>(), then through the property: still one instance.
        Assert.Same(client.Manager<CustomerGroup>(), client.CustomerGroups);
    }

    [Fact]
    public async Task A_record_not_visible_outside_its_container_gets_a_nested_manager_cached_per_client()
    {
        var (server, client) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        var manager = HiddenModels.ManagerOf(client);
        Assert.Equal("__Manager", manager.GetType().Name);
        Assert.Same(manager, HiddenModels.ManagerOf(client));
    }

    [Fact]
    public async Task The_model_table_lists_root_models_and_returns_the_client_property_instances()
    {
        var (server, client) = await ConnectAsync();
        await using var _ = server;
        await using var __ = client;

        Assert.Contains("res.partner", OdooGeneratorTestsOdooModels.ModelNames);
        Assert.DoesNotContain("hidden.model", OdooGeneratorTestsOdooModels.ModelNames);
        Assert.Equal(OdooGeneratorTestsOdooModels.ModelNames.Count, OdooGeneratorTestsOdooModels.ModelNames.Distinct().Count());
        // res.partner is Partner's (BillingPartner extends it).
        Assert.Same(client.Partners, OdooGeneratorTestsOdooModels.FindManager(client, "res.partner"));
        Assert.Same(client.ReferralCodes, OdooGeneratorTestsOdooModels.FindManager(client, "openstack.referral_code"));
        Assert.Null(OdooGeneratorTestsOdooModels.FindManager(client, "stock.picking"));
        foreach (var name in OdooGeneratorTestsOdooModels.ModelNames) Assert.NotNull(OdooGeneratorTestsOdooModels.FindManager(client, name));
    }

    [Fact]
    public void Derived_records_implement_their_own_manager_access_explicitly()
    {
        var run = GeneratorHarness.Run(Scenarios.Derived);

        Assert.Empty(run.Errors);
        var derived = run.Source("Team.Billing.BillingPartner.g.cs");
        Assert.Contains("static global::Odoo.OdooManager<global::Team.Billing.BillingPartner> global::Odoo.IOdooRecord<global::Team.Billing.BillingPartner>.GetManager(global::Odoo.OdooClient client) =>", derived);
        Assert.Contains(".GetManager(static c => new global::Team.Billing.BillingPartnerManager(c));", derived);
        // The same factory (so the same cache key) as the client property.
        Assert.Contains(".GetManager(static c => new global::Team.Billing.BillingPartnerManager(c));", run.Source("OdooGen.Assembly.g.cs"));
    }

    // ------------------------------------------------------------------ ODOO999 paths

    [Fact]
    public void A_failing_cross_model_check_reports_ODOO999_on_the_first_declaration_instead_of_passing()
    {
        var first = new LocationInfo("A.cs", new TextSpan(10, 3), default);
        var identities = new[]
        {
            new ModelIdentity("b.b", "Ns.B", false, "Bs", "Ns", new LocationInfo("B.cs", new TextSpan(1, 1), default)),
            new ModelIdentity("a.a", "Ns.A", false, "As", "Ns", first),
            new ModelIdentity(null!, "Ns.C", false, "Cs", "Ns", null),
        }.ToEquatableArray();

        var d = Assert.Single(CrossModelCheck.Run(identities));

        Assert.Same(DiagnosticDescriptors.InternalError, d.Descriptor);
        Assert.Equal(first, d.Location);
        Assert.Contains("ODOO007", d.Arguments[0]);
        Assert.StartsWith("ArgumentNullException", d.Arguments[1]);
    }

    [Fact]
    public void A_compilation_that_cannot_be_read_keeps_the_defaults_and_carries_the_failure()
    {
        var spec = CompilationReader.SafeRead(null!, CSharpParseOptions.Default);

        Assert.False(spec.HasManagerBase);
        Assert.StartsWith("ArgumentNullException", spec.Failure); // the compilation is null
    }

    [Fact]
    public void The_first_declaration_is_the_first_by_display_name_with_a_location()
    {
        var a = new LocationInfo("A.cs", new TextSpan(1, 1), default);
        var identities = new[]
        {
            new ModelIdentity("z.z", "Ns.Z", false, "Zs", "Ns", new LocationInfo("Z.cs", new TextSpan(1, 1), default)),
            new ModelIdentity("a.a", "Ns.A", false, "As", "Ns", a),
            new ModelIdentity("0.0", "Ns.0", false, "Os", "Ns", null),
        }.ToEquatableArray();

        Assert.Equal(a, CrossModelCheck.FirstLocation(identities));
        Assert.Null(CrossModelCheck.FirstLocation(EquatableArray<ModelIdentity>.Empty));
    }

    [Fact]
    public void A_real_compilation_is_read_without_failure()
    {
        var compilation = GeneratorHarness.CreateCompilation([Scenarios.ReferralCode]);

        var spec = CompilationReader.SafeRead(compilation, GeneratorHarness.ParseOptions());

        Assert.Null(spec.Failure);
        Assert.True(spec.HasManagerBase);
        Assert.True(spec.HasRecordManager);
    }
}
