using Odoo.Transport;

namespace Odoo.Models.OpenStack;

public partial record SaleOrder
{
    /// <summary>Confirms this quotation (one <c>action_confirm</c> call). The record itself is not refreshed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task ActionConfirmAsync(CancellationToken cancellationToken = default) => GetSaleOrderManager().ActionConfirmAsync(Id, cancellationToken);

    /// <summary>Cancels this order (one <c>action_cancel</c> call). The record itself is not refreshed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task ActionCancelAsync(CancellationToken cancellationToken = default) => GetSaleOrderManager().ActionCancelAsync(Id, cancellationToken);

    /// <summary>Creates this order's invoices (one <c>create_invoices</c> call). The record itself is not refreshed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task CreateInvoicesAsync(CancellationToken cancellationToken = default) => GetSaleOrderManager().CreateInvoicesAsync(Id, cancellationToken);

    private SaleOrderManager GetSaleOrderManager() =>
        Source.RequireClient(nameof(SaleOrder)).GetManager(static c => new SaleOrderManager(c));
}
