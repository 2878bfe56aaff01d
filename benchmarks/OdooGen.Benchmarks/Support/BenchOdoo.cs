using System.Globalization;
using Odoo;
using Odoo.Models.OpenStack;
using Odoo.Testing;

namespace OdooGen.Benchmarks.Support;

/// <summary>In-memory Odoo servers with referral codes, and clients on them.</summary>
public static class BenchOdoo
{
    public const string ReferralModel = "openstack.referral_code";

    public static string CodeOf(int id) => "CODE-" + id.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// A server with <paramref name="codes"/> referral codes, each with every field set (no <c>false</c>
    /// values), pointing at <paramref name="creditTypes"/> credit types round-robin.
    /// </summary>
    public static async Task<OdooTestServer> StartAsync(int codes, int creditTypes = 3, OdooCostModel? costModel = null)
    {
        // No request log unless asked: it would grow with the number of calls and skew memory figures.
        var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { RecordRequests = true, MaxRecordedRequests = 10_000, CostModel = costModel });
        // The 36 models from their generated metadata: the server knows exactly the fields the declarations read.
        server.DefineModels(typeof(OpenStackOdooClient).Assembly);
        var product = server.Create("product.product", new { name = "Cloud credit" });
        server.SeedMany("openstack.credit.type", Enumerable.Range(1, creditTypes).Select(t => (object)new
        {
            id = t,
            name = "Credit type " + t.ToString(CultureInfo.InvariantCulture),
            product,
            refundable = t % 2 == 0,
        }));
        const int chunk = 10_000;
        for (var first = 1; first <= codes; first += chunk)
        {
            var count = Math.Min(chunk, codes - first + 1);
            server.SeedMany(ReferralModel, Enumerable.Range(first, count).Select(id => (object)new
            {
                id,
                code = CodeOf(id),
                name = "Referral code " + CodeOf(id),
                allowed_uses = id % 1000,
                before_reward_usage_threshold = id * 0.5,
                referral_credit_amount = 50.0,
                referral_credit_duration = 30,
                referral_credit_type = 1 + ((id - 1) % creditTypes),
                reward_credit_amount = 25.5,
                reward_credit_duration = 90,
                reward_credit_type = 1 + (id % creditTypes),
            }));
        }
        return server;
    }

    public static OdooClientOptions Options(Uri url, string database, string username, string password) => new()
    {
        Url = url,
        Database = database,
        Username = username,
        Password = password,
        Protocol = OdooProtocol.JsonRpc,
        ServerVersion = "18.0",
    };

    public static OdooClientOptions Options(OdooTestServer server) => Options(server.BaseUrl, server.Database, server.Username, server.Password);

    public static Task<OpenStackOdooClient> ConnectAsync(OdooTestServer server, HttpMessageHandler? handler = null)
    {
        var options = Options(server);
        options.HttpMessageHandler = handler;
        return OpenStackOdooClient.ConnectAsync(options);
    }

    /// <summary>The repository root (the directory holding OdooGen.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OdooGen.sln"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OdooGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository (OdooGen.sln not found above the current or base directory).");
    }
}

/// <summary>Passes requests through and keeps a copy of the last request and response bodies.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false })
{
    public byte[]? LastRequestBody { get; private set; }

    public Uri? LastRequestUri { get; private set; }

    public byte[]? LastResponseBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequestBody = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        LastRequestUri = request.RequestUri;
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        LastResponseBody = body;
        var copy = new ByteArrayContent(body);
        foreach (var h in response.Content.Headers) copy.Headers.TryAddWithoutValidation(h.Key, h.Value);
        response.Content = copy;
        return response;
    }
}
