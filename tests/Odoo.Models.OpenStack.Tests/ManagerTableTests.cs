using System.Reflection;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// One manager per model per client: the typed properties, <see cref="OpenStackOdooClient.GetManager(string)"/>
/// (the generated model table) and <c>client.Manager&lt;T&gt;()</c> (record operations, batched loads) return one instance.
/// </summary>
public sealed class ManagerTableTests : IAsyncLifetime
{
    private TestOdoo _t = null!;

    private OpenStackOdooClient Odoo => _t.Odoo;

    public async Task InitializeAsync() => _t = await TestOdoo.StartAsync();

    public async Task DisposeAsync() => await _t.DisposeAsync();

    [Fact]
    public void ModelNames_has_every_record_model_once_in_record_name_order()
    {
        var expected = ModelTypes.Records.Select(t => ModelTypes.Metadata(t).ModelName).ToArray();

        Assert.Equal(36, OpenStackOdooClient.ModelNames.Count);
        Assert.Equal(expected, OpenStackOdooClient.ModelNames);
    }

    [Fact]
    public void GetManager_by_name_Manager_of_T_and_the_typed_property_are_the_same_instance_for_every_model()
    {
        var properties = typeof(OpenStackOdooClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Name.EndsWith("Manager", StringComparison.Ordinal))
            .ToDictionary(p => p.PropertyType);
        Assert.Equal(36, properties.Count);
        foreach (var record in ModelTypes.Records)
        {
            var modelName = ModelTypes.Metadata(record).ModelName;
            var byName = Odoo.GetManager(modelName);
            var generic = typeof(OdooClient).GetMethod(nameof(OdooClient.Manager))!.MakeGenericMethod(record).Invoke(Odoo.Client, null);
            Assert.Same(byName, generic);
            Assert.Same(byName, properties[byName.GetType()].GetValue(Odoo));
        }
        Assert.Same(Odoo.ReferralCodes, Odoo.Client.Manager<ReferralCode>());
        Assert.Throws<KeyNotFoundException>(() => Odoo.GetManager("stock.picking"));
    }
}
