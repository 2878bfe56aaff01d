using System.Security.Authentication;

namespace Odoo.Transport;

/// <summary>
/// Says in words why a TLS handshake was refused. .NET reports it as codes in the message of an
/// <see cref="AuthenticationException"/>: the <see cref="System.Net.Security.SslPolicyErrors"/> ("... invalid according
/// to the validation procedure: RemoteCertificateNameMismatch") or the <see cref="System.Security.Cryptography.X509Certificates.X509ChainStatusFlags"/>
/// ("... errors in the certificate chain: UntrustedRoot, NotTimeValid").
/// </summary>
internal static class OdooTlsText
{
    private static readonly (string Code, string Words)[] Reasons =
    [
        ("RemoteCertificateNameMismatch", "the certificate is not issued for this host name (host name mismatch): use in Url the host name the certificate names"),
        ("RemoteCertificateNotAvailable", "the server sent no certificate"),
        ("NotTimeValid", "the certificate has expired or is not valid yet: renew it on the server (or check this machine's clock)"),
        ("UntrustedRoot", "the certificate chain ends at a root this machine does not trust (a self-signed certificate or a private CA): set CaCertificatePath to the CA's PEM file, or install the CA"),
        ("PartialChain", "the chain cannot be completed to a trusted root (the server does not send its intermediate certificates, or the CA is private): fix the server's chain, or set CaCertificatePath"),
        ("Revoked", "the certificate was revoked"),
        ("RevocationStatusUnknown", "the certificate's revocation status could not be checked"),
        ("OfflineRevocation", "the certificate's revocation status could not be checked (revocation server unreachable)"),
        ("NotSignatureValid", "the certificate's signature is not valid"),
        ("NotValidForUsage", "the certificate is not valid for a TLS server"),
        ("ExplicitDistrust", "the certificate is explicitly distrusted on this machine"),
    ];

    /// <summary>The reasons in words, joined by "; ", or <see langword="null"/> when <paramref name="ex"/> holds no refused handshake.</summary>
    public static string? Explain(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is not AuthenticationException) continue;
            var message = e.Message;
            var words = Reasons.Where(r => message.Contains(r.Code, StringComparison.Ordinal)).Select(r => r.Words).ToList();
            if (words.Count == 0 && message.Contains("RemoteCertificateChainErrors", StringComparison.Ordinal))
            {
                words.Add("the certificate chain is not trusted");
            }
            if (words.Count == 0 && message.Contains("RemoteCertificateValidationCallback", StringComparison.Ordinal))
            {
                words.Add("the certificate was refused: it is not issued for this host name, has expired, or its chain ends neither at a system root nor at the CA of CaCertificatePath");
            }
            return words.Count == 0 ? "the TLS handshake was refused" : string.Join("; ", words);
        }
        return null;
    }
}
