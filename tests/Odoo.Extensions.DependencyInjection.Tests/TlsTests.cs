using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Odoo.Testing;

namespace Odoo.Extensions.DependencyInjection.Tests;

/// <summary>The TLS options reach the factory's primary handler (the client cannot apply them to an injected HttpClient).</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private X509Certificate2 _ca = null!;
    private X509Certificate2 _leaf = null!;
    private OdooTestServer _server = null!;
    private string _caPath = null!;

    public async Task InitializeAsync()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=OdooGen DI Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var issued = leafRequest.Create(_ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4, 5, 6, 7, 8]);
        _leaf = issued.CopyWithPrivateKey(leafKey);

        _caPath = Path.Combine(Path.GetTempPath(), $"odoogen-di-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(_caPath, _ca.ExportCertificatePem());
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions().UseHttps(_leaf));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_caPath);
        _leaf.Dispose();
        _ca.Dispose();
    }

    private async Task<OdooClient> ConnectAsync(ServiceProvider provider) =>
        await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();

    private ServiceProvider Provider(params (string Key, string Value)[] tls)
    {
        var values = new Dictionary<string, string?>
        {
            ["Odoo:Url"] = _server.BaseUrl.ToString(),
            ["Odoo:Database"] = _server.Database,
            ["Odoo:Username"] = _server.Username,
            ["Odoo:Password"] = _server.Password,
            ["Odoo:MaxReadRetries"] = "0",
        };
        foreach (var (key, value) in tls) values[key] = value;
        var services = new ServiceCollection();
        services.AddOdooClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Odoo"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_server_certificate_from_the_configured_private_ca_is_trusted()
    {
        await using var provider = Provider(("Odoo:CaCertificatePath", _caPath));

        var odoo = await ConnectAsync(provider);

        Assert.Equal("https", odoo.BaseUrl.Scheme);
        Assert.Equal(_server.AdminUid, odoo.UserId);
    }

    [Fact]
    public async Task VerifyTls_false_accepts_an_untrusted_certificate()
    {
        await using var provider = Provider(("Odoo:VerifyTls", "false"));

        var odoo = await ConnectAsync(provider);

        Assert.Equal(_server.AdminUid, odoo.UserId);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        await using var provider = Provider();

        await Assert.ThrowsAsync<OdooTransportException>(() => ConnectAsync(provider));
    }
}
