using Odoo.Transport;

namespace Odoo.Models.OpenStack;

/// <summary>Invoice operations of the OpenStack integration (posting, e-mailing).</summary>
public partial class AccountMoveManager
{
    /// <summary>
    /// Posts draft invoices: one <c>action_post</c> call on all of <paramref name="ids"/>, in order
    /// (duplicates are sent as given, like the Python client). An empty list still makes the call.
    /// </summary>
    /// <param name="ids">The invoice ids.</param>
    /// <param name="cancellationToken">Cancels the call (the invoices may still be posted if the request was sent).</param>
    public Task ActionPostAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ManagerSupport.CallAsync(Client, new OdooCall(ModelName, "action_post") { Ids = [.. ids] }, cancellationToken);
    }

    /// <summary>Posts one draft invoice (one <c>action_post</c> call).</summary>
    /// <param name="id">The invoice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ActionPostAsync(int id, CancellationToken cancellationToken = default) =>
        ActionPostAsync([ManagerSupport.CheckId(id, nameof(id))], cancellationToken);

    /// <summary>Posts draft invoices (one <c>action_post</c> call on all of them).</summary>
    /// <param name="moves">The invoices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ActionPostAsync(IEnumerable<AccountMove> moves, CancellationToken cancellationToken = default) =>
        ActionPostAsync(ManagerSupport.IdsOf(moves), cancellationToken);

    /// <summary>
    /// E-mails an OpenStack invoice to its customer with the add-on method
    /// <c>send_openstack_invoice_email</c> (one call).
    /// </summary>
    /// <param name="id">The invoice id.</param>
    /// <param name="emailContext">
    /// Values passed to the e-mail template as the <c>email_ctx</c> keyword argument (copied);
    /// <see langword="null"/> or empty sends <c>null</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call (the e-mail may still be sent if the request was sent).</param>
    public Task SendOpenStackInvoiceEmailAsync(int id, IReadOnlyDictionary<string, object?>? emailContext = null, CancellationToken cancellationToken = default)
    {
        ManagerSupport.CheckId(id, nameof(id));
        Dictionary<string, object?>? copy = emailContext is { Count: > 0 } ? new(emailContext, StringComparer.Ordinal) : null;
        var call = new OdooCall(ModelName, "send_openstack_invoice_email")
        {
            Ids = [id],
            KeywordArguments = [new OdooArgument("email_ctx", copy)],
        };
        return ManagerSupport.CallAsync(Client, call, cancellationToken);
    }

    /// <summary>E-mails an OpenStack invoice to its customer (see <see cref="SendOpenStackInvoiceEmailAsync(int, IReadOnlyDictionary{string, object?}?, CancellationToken)"/>).</summary>
    /// <param name="move">The invoice.</param>
    /// <param name="emailContext">Values for the e-mail template; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task SendOpenStackInvoiceEmailAsync(AccountMove move, IReadOnlyDictionary<string, object?>? emailContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        return SendOpenStackInvoiceEmailAsync(move.Id, emailContext, cancellationToken);
    }
}
