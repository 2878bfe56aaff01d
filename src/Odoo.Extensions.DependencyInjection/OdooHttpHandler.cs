using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// The primary handler of the named <see cref="HttpClient"/>: the same settings the Odoo client uses for the
/// handler it creates itself, with the TLS options (<see cref="OdooClientOptions.VerifyTls"/>,
/// <see cref="OdooClientOptions.CaCertificatePath"/>) applied here, since the client cannot apply them to an
/// injected <see cref="HttpClient"/>.
/// </summary>
internal static class OdooHttpHandler
{
    public static HttpMessageHandler Create(OdooClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // The client keeps Odoo's session_id in its own jar; a handler jar would be shared by every client of the factory.
            UseCookies = false,
            // Odoo 18 answers /json/2 with a 303 to the login page: that is an answer, not a hop.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            // The client keeps its HttpClient for its lifetime, so DNS changes are picked up by recycling connections.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!options.VerifyTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var roots = LoadCertificates(options.CaCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(certificate, chain, errors, roots);
        }
        return handler;
    }

    /// <summary>Loads the CA certificates of a PEM (one or more certificates) or DER file.</summary>
    internal static X509Certificate2Collection LoadCertificates(string path)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text);
            }
            else
            {
#if NET9_0_OR_GREATER
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
#else
                collection.Add(new X509Certificate2(path));
#endif
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"CaCertificatePath '{path}' could not be read as a PEM or DER certificate: {ex.Message}", nameof(OdooClientOptions.CaCertificatePath), ex);
        }
        if (collection.Count == 0)
        {
            throw new ArgumentException($"CaCertificatePath '{path}' holds no certificate.", nameof(OdooClientOptions.CaCertificatePath));
        }
        return collection;
    }

    /// <summary>
    /// Accepts a certificate the system trusts, or one whose chain ends at one of <paramref name="roots"/>
    /// (trusted in addition to the system's roots). Name mismatches are never accepted.
    /// </summary>
    internal static bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None) return true;
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || certificate is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        return certificate is X509Certificate2 leaf ? chain.Build(leaf) : BuildCopy(chain, certificate);
    }

    private static bool BuildCopy(X509Chain chain, X509Certificate certificate)
    {
#if NET9_0_OR_GREATER
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
#else
        using var copy = new X509Certificate2(certificate.GetRawCertData());
#endif
        return chain.Build(copy);
    }
}
