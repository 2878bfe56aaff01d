using Odoo.Transport;

namespace Odoo.Models.OpenStack;

/// <summary>Sale order operations: confirm, cancel and invoice.</summary>
public partial class SaleOrderManager
{
    /// <summary>Confirms a quotation, turning it into a sale order (one <c>action_confirm</c> call).</summary>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the call (the order may still be confirmed if the request was sent).</param>
    public Task ActionConfirmAsync(int id, CancellationToken cancellationToken = default) => CallOnOrderAsync(id, "action_confirm", cancellationToken);

    /// <summary>Confirms a quotation (one <c>action_confirm</c> call).</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ActionConfirmAsync(SaleOrder order, CancellationToken cancellationToken = default) => ActionConfirmAsync(IdOf(order), cancellationToken);

    /// <summary>Cancels an order (one <c>action_cancel</c> call; whatever Odoo returns is ignored).</summary>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ActionCancelAsync(int id, CancellationToken cancellationToken = default) => CallOnOrderAsync(id, "action_cancel", cancellationToken);

    /// <summary>Cancels an order (one <c>action_cancel</c> call).</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ActionCancelAsync(SaleOrder order, CancellationToken cancellationToken = default) => ActionCancelAsync(IdOf(order), cancellationToken);

    /// <summary>
    /// Creates the invoices of an order with the OpenStack add-on method <c>create_invoices</c> (one
    /// call; whatever Odoo returns is ignored). Read the order's <c>InvoiceIds</c> afterwards to find them.
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task CreateInvoicesAsync(int id, CancellationToken cancellationToken = default) => CallOnOrderAsync(id, "create_invoices", cancellationToken);

    /// <summary>Creates the invoices of an order (one <c>create_invoices</c> call).</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task CreateInvoicesAsync(SaleOrder order, CancellationToken cancellationToken = default) => CreateInvoicesAsync(IdOf(order), cancellationToken);

    private Task CallOnOrderAsync(int id, string method, CancellationToken cancellationToken) =>
        ManagerSupport.CallAsync(Client, new OdooCall(ModelName, method) { Ids = [ManagerSupport.CheckId(id, nameof(id))] }, cancellationToken);

    private static int IdOf(SaleOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Id;
    }
}
