using System.Reflection;
using Odoo.Testing.Internal;

namespace Odoo.Testing.Tests;

/// <summary>The in-memory store is reachable only through a scope that holds its lock.</summary>
public sealed class StoreLockTests
{
    [Fact]
    public void The_store_is_reachable_only_through_a_ref_struct_scope()
    {
        // LockedStore hands out nothing but the scope, and the scope cannot outlive a method, sit in a field or
        // cross an await: code that does not hold the lock cannot name the store.
        var exposed = typeof(LockedStore).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not FieldInfo { IsPrivate: true } and not ConstructorInfo)
            .Select(m => m.Name)
            .ToList();
        Assert.Equal(["Enter"], exposed);
        Assert.Equal(typeof(StoreScope), typeof(LockedStore).GetMethod("Enter")!.ReturnType);
        Assert.True(typeof(StoreScope).IsByRefLike);
        Assert.All(typeof(OdooTestServer).GetFields(BindingFlags.NonPublic | BindingFlags.Instance),
            f => Assert.NotEqual(typeof(Store), f.FieldType));
    }

    [Fact]
    public void A_disposed_scope_no_longer_reaches_the_store()
    {
        var locked = new LockedStore(TimeProvider.System);
        var scope = locked.Enter();
        scope.Store.Schema.Define(new OdooModelSchema("x.thing"));
        scope.Dispose();

        ObjectDisposedException? error = null;
        try { _ = scope.Store; }
        catch (ObjectDisposedException e) { error = e; }
        Assert.NotNull(error);

        using var again = locked.Enter();
        Assert.NotNull(again.Store.Schema.TryTable("x.thing"));
    }

    [Fact]
    public void Nested_scopes_on_one_thread_share_the_lock_until_the_outer_one_ends()
    {
        var locked = new LockedStore(TimeProvider.System);
        var outer = locked.Enter();
        var inner = locked.Enter();
        var store = inner.Store;
        inner.Dispose();
        Assert.Same(store, outer.Store);
        outer.Dispose();

        var threw = false;
        try { _ = outer.Store; }
        catch (ObjectDisposedException) { threw = true; }
        Assert.True(threw);
    }

    [Fact]
    public void A_writer_waits_for_the_scope_another_thread_holds()
    {
        var locked = new LockedStore(TimeProvider.System);
        var events = new List<string>();
        using var entered = new ManualResetEventSlim();
        Thread other;
        using (var scope = locked.Enter())
        {
            other = new Thread(() =>
            {
                entered.Set();
                using var second = locked.Enter();
                lock (events) events.Add("second writer");
            });
            other.Start();
            entered.Wait();
            // The other thread is now at (or past) Enter: it cannot get in before this scope ends.
            Thread.Sleep(50);
            lock (events) events.Add("first writer done");
        }
        other.Join();
        Assert.Equal(["first writer done", "second writer"], events);
    }

    [Fact]
    public async Task Concurrent_creates_through_the_server_are_serialized()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x.counter").Char("name"));
        const int Writers = 4, PerWriter = 100;
        var ids = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
            Enumerable.Range(0, PerWriter).Select(i => server.Create("x.counter", new { name = $"{w}-{i}" })).ToList())));

        var all = ids.SelectMany(l => l).ToList();
        Assert.Equal(Writers * PerWriter, all.Distinct().Count());
        Assert.Equal(Writers * PerWriter, server.Count("x.counter"));
    }
}
