using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Odoo;

/// <summary>
/// Creates the HTTP handler the Odoo client uses when it is given neither an
/// <see cref="OdooClientOptions.HttpClient"/> nor an <see cref="OdooClientOptions.HttpMessageHandler"/>.
/// Use it as the primary handler of an <see cref="HttpClient"/> you inject (for example from
/// <c>IHttpClientFactory</c>), so that it behaves as the client's own and the TLS options apply.
/// </summary>
/// <example>
/// <code>
/// services.AddHttpClient("odoo").ConfigurePrimaryHttpMessageHandler(() => OdooHttpHandlers.Create(options));
/// </code>
/// </example>
public static class OdooHttpHandlers
{
    /// <summary>
    /// Creates a <see cref="SocketsHttpHandler"/> configured for Odoo: no cookies (the client keeps Odoo's
    /// <c>session_id</c> in its own jar, which a shared handler jar would mix up between clients), no
    /// redirects (Odoo 18 answers <c>/json/2</c> with a 303 to the login page: that is an answer, not a hop),
    /// automatic decompression, connections recycled every 5 minutes (so DNS changes are picked up), and TLS
    /// as <paramref name="options"/> say: <see cref="OdooClientOptions.VerifyTls"/> off accepts any
    /// certificate; otherwise the system's roots are trusted, plus the certificate authorities of
    /// <see cref="OdooClientOptions.CaCertificatePath"/> when it is set (host name mismatches are never accepted).
    /// </summary>
    /// <remarks>
    /// Only <see cref="OdooClientOptions.VerifyTls"/> and <see cref="OdooClientOptions.CaCertificatePath"/> are read;
    /// the caller owns the handler and disposes it (or the <see cref="HttpClient"/> it is given to).
    /// </remarks>
    /// <param name="options">The client options.</param>
    /// <returns>A new handler.</returns>
    /// <exception cref="ArgumentException"><see cref="OdooClientOptions.CaCertificatePath"/> cannot be read as a PEM or DER certificate, or holds none.</exception>
    public static SocketsHttpHandler Create(OdooClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        X509Certificate2Collection? roots = null;
        if (options.VerifyTls && !string.IsNullOrEmpty(options.CaCertificatePath))
        {
            roots = LoadCertificates(options.CaCertificatePath); // before the handler, so a bad file leaves nothing to dispose
        }
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!options.VerifyTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (roots is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => ValidateWithExtraRoots(certificate, errors, roots, chain);
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
    /// Accepts a server certificate that the system trusts, or whose chain ends at one of
    /// <paramref name="extraRoots"/> (trusted in addition to the system's roots), using the intermediates the
    /// server <paramref name="presented"/>. Name mismatches are never accepted.
    /// </summary>
    internal static bool ValidateWithExtraRoots(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection extraRoots, X509Chain? presented = null)
    {
        if (errors == SslPolicyErrors.None) return true;
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || certificate is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        if (certificate is X509Certificate2 leaf) return chain.Build(leaf);
#if NET9_0_OR_GREATER
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
#else
        using var copy = new X509Certificate2(certificate.GetRawCertData());
#endif
        return chain.Build(copy);
    }
}
