using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>An in-memory Odoo (18 by default) with the 36 models (schema recorded from a real Odoo 18 with the test addon) and a client on it.</summary>
public sealed class TestOdoo : IAsyncDisposable
{
    private TestOdoo(OdooTestServer server, OpenStackOdooClient odoo)
    {
        Server = server;
        Odoo = odoo;
    }

    public OdooTestServer Server { get; }

    public OpenStackOdooClient Odoo { get; }

    /// <summary>Starts the server (Odoo 18 unless <paramref name="version"/> says otherwise) and connects a client over <paramref name="protocol"/>.</summary>
    /// <param name="configure">Runs on the server after the schema is applied, before the client connects.</param>
    /// <param name="version">The server version (<see cref="OdooTestServerOptions.Version"/>); null for the default, 18.0.</param>
    /// <param name="protocol">The client's protocol; JSON-RPC by default. For JSON-2 and auto the client also gets the admin's API key.</param>
    public static async Task<TestOdoo> StartAsync(Action<OdooTestServer>? configure = null, string? version = null, OdooProtocol protocol = OdooProtocol.JsonRpc)
    {
        var server = await OdooTestServer.StartAsync(version is null ? null : new OdooTestServerOptions { Version = version });
        try
        {
            ApplySchema(server);
            configure?.Invoke(server);
            var odoo = await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
            {
                Url = server.BaseUrl,
                Database = server.Database,
                Username = server.Username,
                Password = server.Password,
                ApiKey = protocol == OdooProtocol.JsonRpc ? null : server.ApiKey,
                Protocol = protocol,
            });
            return new TestOdoo(server, odoo);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Seeds the referral code page's data: code 1234 (WELCOME10) with its two credit types (11 and 12)
    /// and two partners who signed up with it.
    /// </summary>
    public static (int Newcomer, int Reward, int Code, int Alice, int Bob) SeedReferralCodePage(OdooTestServer server)
    {
        var product = server.Create("product.product", new { name = "Cloud credit" });
        var newcomerType = server.Seed("openstack.credit.type", new { id = 11, name = "Referral credit", product = product, refundable = false })[0];
        var rewardType = server.Seed("openstack.credit.type", new { id = 12, name = "Reward credit", product = product, refundable = true })[0];
        server.Seed("openstack.referral_code", new
        {
            id = 1234,
            code = "WELCOME10",
            name = "Referral code WELCOME10",
            allowed_uses = -1,
            before_reward_usage_threshold = 300.0,
            referral_credit_amount = 50.0,
            referral_credit_duration = 30,
            referral_credit_type = newcomerType,
            reward_credit_amount = 25.5,
            reward_credit_duration = 90,
            reward_credit_type = rewardType,
        });
        var alice = server.Create("res.partner", new { name = "Alice", os_referral = 1234 });
        var bob = server.Create("res.partner", new { name = "Bob", os_referral = 1234 });
        return (newcomerType, rewardType, 1234, alice, bob);
    }

    /// <summary>
    /// Defines the 36 models on the server from the schema of a real Odoo 18 with the OpenStack test addon
    /// (<see cref="RealSchema"/>), not from the declarations under test: a declared field Odoo does not have,
    /// or has with another type, fails the tests that use it. Models the server already has (res.partner,
    /// res.users...) get the recorded fields added; the others are defined.
    /// </summary>
    public static void ApplySchema(OdooTestServer server) => RealSchema.ApplyTo(server, OdooSpecifics);

    /// <summary>What a schema cannot tell: Odoo computes an attachment's checksum (SHA-1 of the contents) when datas is written.</summary>
    private static void OdooSpecifics(OdooModelSchema schema)
    {
        if (schema.Name != "ir.attachment") return;
        if (schema.Field("datas") is null) schema.Add(new OdooFieldSchema("datas", OdooFieldType.Binary));
        var checksum = schema.Field("checksum");
        if (checksum is null) schema.Add(checksum = new OdooFieldSchema("checksum", OdooFieldType.Char));
        checksum.Compute = r => r.GetString("datas") is { Length: > 0 } b64
            ? Convert.ToHexStringLower(SHA1.HashData(Convert.FromBase64String(b64)))
            : null;
    }

    /// <summary>The ORM calls (model, method, args, kwargs) received since <see cref="OdooTestServer.ClearRequests"/>, authentication excluded.</summary>
    public IReadOnlyList<OrmCall> Calls() =>
        [.. Server.Requests.Where(r => r.Model is not null && r.Method is not null)
            .Select(r => new OrmCall(r.Model!, r.Method!, Normalize(r.Args?.GetRawText() ?? "[]"), Kwargs(r.Kwargs)))];

    /// <summary>
    /// The calls since the last <see cref="OdooTestServer.ClearRequests"/>, waiting (with the server's
    /// <see cref="OdooTestServer.DefaultRequestWaitTimeout"/>) for <paramref name="count"/> of them: a
    /// dropped or aborted request reaches the log when the server's handler unwinds, which may be a
    /// moment after the client has seen the failure.
    /// </summary>
    public async Task<IReadOnlyList<OrmCall>> CallsAsync(int count)
    {
        await Server.WaitForRequestsAsync(r => r.Model is not null && r.Method is not null, count,
            settle: count == 0 ? TimeSpan.FromMilliseconds(20) : null);
        return Calls();
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Normalize(string json) => JsonNode.Parse(json)?.ToJsonString(Readable) ?? "null";

    private static string Kwargs(JsonElement? kwargs)
    {
        if (kwargs is not { ValueKind: JsonValueKind.Object } k) return "{}";
        // The client's context is sent with every call; leave it out so tests pin the call itself.
        var rest = new JsonObject();
        foreach (var p in k.EnumerateObject().Where(p => p.Name != "context")) rest[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        return rest.ToJsonString(Readable);
    }

    public async ValueTask DisposeAsync()
    {
        await Odoo.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>One ORM call as the server received it: JSON text of the positional and keyword arguments.</summary>
public sealed record OrmCall(string Model, string Method, string Args, string Kwargs)
{
    public override string ToString() => $"{Model}.{Method} {Args} {Kwargs}";
}

/// <summary>One server for all the tests of a class (they run one after another).</summary>
public sealed class TestOdooFixture : IAsyncLifetime
{
    public TestOdoo Odoo { get; private set; } = null!;

    public async Task InitializeAsync() => Odoo = await TestOdoo.StartAsync();

    public async Task DisposeAsync() => await Odoo.DisposeAsync();
}
