using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Odoo.Models.OpenStack;
using Odoo.Robustness.Tests.Support;
using Odoo.Testing;

namespace Odoo.Robustness.Tests;

/// <summary>
/// An https Odoo.Testing with a self-signed certificate made here: refused by default (a transport
/// error naming the certificate), accepted with its CA file, accepted with verification off, and
/// refused with some other CA file.
/// </summary>
public sealed class TlsTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly X509Certificate2 _certificate = CreateSelfSigned("CN=OdooGen test server");
    private readonly string _directory = Directory.CreateTempSubdirectory("odoo-tls-").FullName;
    private OdooTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions().UseHttps(_certificate));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A self-signed server certificate for 127.0.0.1 and localhost, usable as its own CA.</summary>
    private static X509Certificate2 CreateSelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PKCS#12 so Kestrel gets a certificate with a persisted private key.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private string WritePem(X509Certificate2 certificate, string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private Task<OpenStackOdooClient> ConnectAsync(Action<OdooClientOptions>? configure = null)
    {
        Assert.Equal(Uri.UriSchemeHttps, _server.BaseUrl.Scheme);
        return TestOdoo.ConnectAsync(_server, configure);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_by_default()
    {
        var error = await Assert.ThrowsAsync<OdooTransportException>(() => ConnectAsync());
        Assert.Null(error.StatusCode);
        Assert.False(error.IsTimeout);
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
        // why, in words (a self-signed certificate: a root this machine does not trust)
        Assert.Contains("The server's certificate was refused: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not trust", error.Message, StringComparison.Ordinal);
        Assert.Contains("CaCertificatePath", error.Message, StringComparison.Ordinal);
        output.WriteLine(error.Message);
        // Nothing reached Odoo: the handshake failed before any request.
        Assert.Equal(0, _server.CountRequests());
    }

    [Fact]
    public async Task A_refused_certificate_is_not_retried()
    {
        // A certificate that is not trusted stays untrusted: retrying only delays the error. The client's own
        // handler (OdooHttpHandlers.Create, default TLS verification) under a counter of the attempts it sends.
        using var counter = new CountingHandler(OdooHttpHandlers.Create(new OdooClientOptions()));
        var error = await Assert.ThrowsAsync<OdooTransportException>(() => ConnectAsync(o =>
        {
            o.MaxReadRetries = 2;
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.HttpMessageHandler = counter;
        }));
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, counter.Attempts);
        Assert.Equal(0, _server.CountRequests());
    }

    /// <summary>Counts the requests the client hands to its HTTP handler (each attempt, retries included).</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task The_certificate_is_accepted_with_its_CA_file()
    {
        var pem = WritePem(_certificate, "server-ca.crt");
        await using var odoo = await ConnectAsync(o => o.CaCertificatePath = pem);
        var user = await odoo.GetUserAsync();
        Assert.Equal(_server.AdminUid, user.Id);
    }

    [Fact]
    public async Task The_certificate_is_accepted_with_verification_off()
    {
        await using var odoo = await ConnectAsync(o => o.VerifyTls = false);
        var user = await odoo.GetUserAsync();
        Assert.Equal(_server.AdminUid, user.Id);
    }

    [Fact]
    public async Task Another_CA_file_does_not_make_the_certificate_trusted()
    {
        using var other = CreateSelfSigned("CN=Some other CA");
        var pem = WritePem(other, "other-ca.crt");
        var error = await Assert.ThrowsAsync<OdooTransportException>(() => ConnectAsync(o => o.CaCertificatePath = pem));
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The server's certificate was refused: ", error.Message, StringComparison.Ordinal);
        output.WriteLine(error.Message);
    }
}
