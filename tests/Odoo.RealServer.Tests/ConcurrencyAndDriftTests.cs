using Odoo.Domains;
using Odoo.Metadata;
using Odoo.Models.OpenStack;
using Odoo.Schema;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

[Collection(RealOdooCollection.Name)]
public sealed class ConcurrencyAndDriftTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    [Fact]
    public async Task Sixteen_tasks_share_one_client_and_each_gets_its_own_answers()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var tags = Odoo.PartnerCategories;
        var names = Enumerable.Range(0, 16).Select(i => RealOdoo.Name($"par {i:D2}")).ToArray();
        var ids = cleanup.Add("res.partner.category", await tags.CreateManyAsync(names.Select((n, i) => new OdooValues { ["Name"] = n, ["Color"] = i % 12 })));
        var usd = await Odoo.Currencies.GetByNameAsync("USD", fields: ["Name"]);

        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            for (var round = 0; round < 8; round++)
            {
                var one = await tags.GetAsync(ids[i], ["Name", "Color"]);
                Assert.Equal((ids[i], names[i], i % 12), (one.Id, one.Name, one.Color));
                var found = await tags.SearchAsync(OdooDomain.Equal("Name", names[i]), fields: ["Name"]);
                Assert.Equal([ids[i]], found.Select(t => t.Id));
                Assert.Equal(1, await tags.CountAsync(OdooDomain.Equal("Name", names[i])));
                Assert.Equal([ids[i]], await tags.SearchIdsAsync(OdooDomain.Equal("Name", names[i])));
                var own = $"{names[i]} r{round}";
                await tags.UpdateAsync(ids[i], new OdooValues { ["Name"] = own });
                Assert.Equal(own, (await tags.GetAsync(ids[i], ["Name"])).Name);
                await tags.UpdateAsync(ids[i], new OdooValues { ["Name"] = names[i] });
                if (i % 4 == 0) Assert.Equal(usd.Id, (await Odoo.Currencies.GetByNameAsync("USD", fields: ["Name"])).Id);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var after = await tags.ListAsync(ids, ["Name"]);
        Assert.Equal(names, after.Select(t => t.Name));
    }

    [Fact]
    public async Task The_openstack_models_pass_the_drift_check_at_the_default_gate()
    {
        var models = OdooModelAssembly.GetModels(typeof(Partner).Assembly);
        Assert.Equal(36, models.Count);
        var report = await OdooSchemaChecker.CheckAsync(Odoo.Client, models);
        Assert.Equal(36, report.ModelsChecked);
        Assert.True(report.FieldsChecked > 300, $"{report.FieldsChecked} fields checked");
        Assert.StartsWith("18.0", report.ServerVersion);
        // The default gate of `odoogen check` (--fail-on warning): no warning and no error.
        Assert.False(report.HasFindings(OdooDriftSeverity.Warning), report.ToTable());
    }
}
