using Odoo.Transport;

namespace Odoo.Models.OpenStack;

public partial record AccountMove
{
    /// <summary>Posts this draft invoice (one <c>action_post</c> call). The record itself is not refreshed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task ActionPostAsync(CancellationToken cancellationToken = default) =>
        GetAccountMoveManager().ActionPostAsync(Id, cancellationToken);

    /// <summary>E-mails this OpenStack invoice to its customer (one <c>send_openstack_invoice_email</c> call).</summary>
    /// <param name="emailContext">Values for the e-mail template; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task SendOpenStackInvoiceEmailAsync(IReadOnlyDictionary<string, object?>? emailContext = null, CancellationToken cancellationToken = default) =>
        GetAccountMoveManager().SendOpenStackInvoiceEmailAsync(Id, emailContext, cancellationToken);

    private AccountMoveManager GetAccountMoveManager() =>
        Source.RequireClient(nameof(AccountMove)).GetManager(static c => new AccountMoveManager(c));
}
