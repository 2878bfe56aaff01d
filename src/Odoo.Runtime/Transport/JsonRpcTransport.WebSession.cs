namespace Odoo.Transport;

internal sealed partial class JsonRpcTransport
{
    private int _webSessionOpened;

    /// <summary>Counts session renewals; a caller notes it before a request and passes it to <see cref="RenewWebSessionAsync"/>.</summary>
    internal int SessionGeneration => Volatile.Read(ref _sessionGeneration);

    /// <summary>
    /// Makes sure the connection holds an authenticated web session cookie, for the routes that need one (reports):
    /// already there when ORM calls use the session; otherwise opened once with the login and password
    /// (<c>/web/session/authenticate</c>) without moving ORM calls to it. <see langword="false"/> when Odoo refuses to
    /// open one: the secret is an API key (Odoo accepts API keys on <c>/jsonrpc</c> only) or the user has two-factor
    /// authentication.
    /// </summary>
    internal async Task<bool> EnsureWebSessionAsync(CancellationToken cancellationToken)
    {
        if (UsesSession || Volatile.Read(ref _webSessionOpened) != 0) return true;
        if (_username is null) return false;
        var session = await AuthenticateSessionAsync(cancellationToken).ConfigureAwait(false);
        if (session is null) return false;
        Volatile.Write(ref _webSessionOpened, 1);
        return true;
    }

    /// <summary>Opens the side session of <see cref="EnsureWebSessionAsync"/> again (Odoo forgot it).</summary>
    internal Task<bool> EnsureWebSessionAgainAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _webSessionOpened, 0);
        return EnsureWebSessionAsync(cancellationToken);
    }

    /// <summary>Opens the web session again after Odoo forgot it (once for all callers that saw generation <paramref name="seenGeneration"/>).</summary>
    internal Task RenewWebSessionAsync(int seenGeneration, CancellationToken cancellationToken) => RenewSessionAsync(seenGeneration, cancellationToken);
}
