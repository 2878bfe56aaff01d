using System.Collections;
using System.Reflection;
using System.Text.Json;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Models.OpenStack;
using Odoo.Values;

// One real server, shared state (sessions, users): the classes run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Odoo.RealServer.Tests;

/// <summary>
/// Where the real Odoo is: <c>ODOO_URL</c>, <c>ODOO_DATABASE</c>, <c>ODOO_USERNAME</c>, <c>ODOO_PASSWORD</c>
/// (an administrator), and optionally <c>ODOO_SESSIONS_DIR</c>, the server's session folder (given by
/// scripts/real-odoo-tests.sh when it runs the server itself: session expiry then deletes the files).
/// </summary>
public static class RealOdoo
{
    public static string Url => Env("ODOO_URL");

    public static string Database => Env("ODOO_DATABASE");

    public static string Username => Env("ODOO_USERNAME");

    public static string Password => Env("ODOO_PASSWORD");

    public static string? SessionsDir => Environment.GetEnvironmentVariable("ODOO_SESSIONS_DIR") is { Length: > 0 } d ? d : null;

    /// <summary>A prefix unique to this run: every record the suite creates carries it in a name or code.</summary>
    public static readonly string Run = $"itest{DateTime.UtcNow:MMddHHmmss}{Random.Shared.Next(100, 999)}";

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException(
                $"{name} is not set: run these tests through scripts/real-odoo-tests.sh (ODOO_URL, ODOO_DATABASE, ODOO_USERNAME, ODOO_PASSWORD).");

    public static OdooClientOptions Options(string? username = null, string? password = null, string? database = null, HttpMessageHandler? handler = null) => new()
    {
        Url = new Uri(Url),
        Database = database ?? Database,
        Username = username ?? Username,
        Password = password ?? Password,
        Protocol = OdooProtocol.JsonRpc,
        Timeout = TimeSpan.FromSeconds(60),
        HttpMessageHandler = handler,
    };

    public static Task<OpenStackOdooClient> ConnectAsync(string? username = null, string? password = null, HttpMessageHandler? handler = null) =>
        OpenStackOdooClient.ConnectAsync(Options(username, password, handler: handler));

    public static string Name(string what) => $"{Run} {what}";
}

[CollectionDefinition(Name)]
public sealed class RealOdooCollection : ICollectionFixture<RealOdooFixture>
{
    public const string Name = "real odoo";
}

/// <summary>The administrator's client, shared by the whole suite.</summary>
public sealed class RealOdooFixture : IAsyncLifetime
{
    public OpenStackOdooClient Odoo { get; private set; } = null!;

    public async Task InitializeAsync() => Odoo = await RealOdoo.ConnectAsync();

    public async Task DisposeAsync()
    {
        if (Odoo is not null) await Odoo.DisposeAsync();
    }
}

/// <summary>Records to delete after a test, newest first; failures are collected, not thrown over the test's own.</summary>
public sealed class Cleanup(OdooClient client) : IAsyncDisposable
{
    private readonly List<(string Model, int Id)> _records = [];

    public int Add(string model, int id)
    {
        lock (_records) _records.Add((model, id));
        return id;
    }

    public IReadOnlyList<int> Add(string model, IEnumerable<int> ids)
    {
        var list = ids.ToList();
        foreach (var id in list) Add(model, id);
        return list;
    }

    public async ValueTask DisposeAsync()
    {
        List<(string Model, int Id)> records;
        lock (_records) records = [.. _records];
        for (var i = records.Count - 1; i >= 0; i--)
        {
            await DeleteAsync(client, records[i].Model, records[i].Id);
        }
    }

    /// <summary>Deletes one record, first taking it back to a deletable state where Odoo requires it.</summary>
    public static async Task DeleteAsync(OdooClient client, string model, int id)
    {
        var raw = client.Model(model);
        try
        {
            if ((await raw.SearchAsync(new object[] { new object[] { "id", "=", id } }, context: OdooContext.Empty.WithActiveTest(false))).Count == 0) return;
            switch (model)
            {
                case "res.company":
                    // Never deleted: Odoo keeps the users' cached company lists, which then name a missing company.
                    await TryAsync(() => raw.WriteAsync([id], new Dictionary<string, object?> { ["active"] = false }));
                    return;
                case "sale.order":
                    await TryAsync(() => raw.CallAsync("action_cancel", ids: [id], context: OdooContext.Empty.With("disable_cancel_warning", true)));
                    break;
                case "account.move":
                    await TryAsync(() => raw.CallAsync("button_draft", ids: [id]));
                    break;
            }
            await raw.UnlinkAsync([id]);
        }
        catch (OdooException)
        {
            // Not deletable (a posted entry in a sequence, a record others now use): archive it when possible.
            await TryAsync(() => raw.WriteAsync([id], new Dictionary<string, object?> { ["active"] = false }));
            if (model == "account.move") await TryAsync(() => raw.CallAsync("button_cancel", ids: [id]));
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (OdooException)
        {
        }
    }
}

/// <summary>Reads record properties by name and compares them with the values that were written.</summary>
public static class Compare
{
    public static object? Property(object record, string name) =>
        (record.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{record.GetType().Name} has no property {name}.")).GetValue(record);

    /// <summary>Every written value reads back the same (many2ones by id, x2manys by id set, the rest by value and type).</summary>
    public static void Written<TRecord>(TRecord record, OdooValues written) where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        var meta = TRecord.Metadata;
        foreach (var (key, value) in written)
        {
            var f = meta.FindByName(key) ?? meta.FindByRemoteName(key);
            if (f is null) continue; // an Odoo field the record does not declare (login...)
            var where = $"{typeof(TRecord).Name}.{f.Name}";
            switch (f.Kind)
            {
                case OdooFieldKind.Many2One:
                    {
                        var expected = value switch { null or false => (int?)null, int i => i, OdooRecord r => r.Id, _ => throw new InvalidOperationException($"{where}: {value}") };
                        Assert.True(Equals(expected, Property(record, f.IdProperty!)), $"{where}: wrote id {expected}, read {Property(record, f.IdProperty!)}");
                        break;
                    }
                case OdooFieldKind.One2Many or OdooFieldKind.Many2Many:
                    {
                        var expected = value switch
                        {
                            IEnumerable<int> ids => ids.Order().ToArray(),
                            IEnumerable<OdooRecord> records => records.Select(r => r.Id).Order().ToArray(),
                            _ => null,
                        };
                        if (expected is null) continue; // commands: checked by the test itself
                        var actual = ((IReadOnlyList<int>)Property(record, f.IdsProperty!)!).Order().ToArray();
                        Assert.True(expected.SequenceEqual(actual), $"{where}: wrote [{string.Join(",", expected)}], read [{string.Join(",", actual)}]");
                        break;
                    }
                default:
                    {
                        var actual = Property(record, f.Name);
                        var expected = value is OdooRecord r ? r.Id : value;
                        // Odoo has no empty number: a cleared integer or float reads back as 0.
                        if (expected is null && f.Kind is OdooFieldKind.Integer or OdooFieldKind.Float) expected = actual is int ? 0 : 0.0;
                        if (expected is double d && actual is double a)
                        {
                            Assert.True(Math.Abs(d - a) < 1e-6, $"{where}: wrote {d}, read {a}");
                        }
                        else
                        {
                            Assert.True(Equals(expected, actual), $"{where}: wrote {Show(expected)}, read {Show(actual)}");
                        }
                        if (actual is DateTime dt) Assert.Equal(DateTimeKind.Utc, dt.Kind);
                        break;
                    }
            }
        }
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable e => "[" + string.Join(",", e.Cast<object>()) + "]",
        _ => $"{v} ({v.GetType().Name})",
    };

    public static string Raw(JsonElement e) => e.GetRawText();
}
