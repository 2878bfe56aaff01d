using System.Text.Json;
using Odoo.Testing.Internal;

namespace Odoo.Testing.Tests;

/// <summary>The in-memory store refuses to be used by a thread that does not hold its lock.</summary>
public sealed class StoreLockTests
{
    private static readonly JsonElement EmptyDomain = JsonDocument.Parse("[]").RootElement;

    [Fact]
    public void Store_operations_without_the_lock_throw()
    {
        var store = new Store(TimeProvider.System);
        var schema = new OdooModelSchema("x.thing");
        Assert.Throws<InvalidOperationException>(() => store.Define(schema));
        lock (store.Sync) store.Define(schema);
        var table = store.Models["x.thing"];

        Assert.Throws<InvalidOperationException>(() => store.Search(table, EmptyDomain, 0, null, null, activeTest: true));
        Assert.Throws<InvalidOperationException>(() => store.Create(table, JsonDocument.Parse("{}").RootElement, uid: 1));
        Assert.Throws<InvalidOperationException>(() => store.Unlink(table, [], uid: 1));
        Assert.Throws<InvalidOperationException>(() => store.Transaction(() => 0));

        lock (store.Sync)
        {
            var id = store.Create(table, JsonDocument.Parse("{}").RootElement, uid: 1);
            Assert.Equal([id], store.Search(table, EmptyDomain, 0, null, null, activeTest: true).Select(r => r.Id));
        }
    }
}
