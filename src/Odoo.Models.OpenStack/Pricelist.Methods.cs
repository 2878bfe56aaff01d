using System.Globalization;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Models.OpenStack;

public partial record Pricelist
{
    /// <summary>Asks Odoo for the price of a product on this pricelist (one <c>price_get</c> call).</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="quantity">The quantity; negative for refunds (the price is then negated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task<double> GetPriceAsync(int productId, double quantity, CancellationToken cancellationToken = default) =>
        Source.RequireClient(nameof(Pricelist)).GetManager(static c => new PricelistManager(c)).GetPriceAsync(Id, productId, quantity, cancellationToken);

    /// <summary>Asks Odoo for the price of a product on this pricelist (one <c>price_get</c> call).</summary>
    /// <param name="product">The product.</param>
    /// <param name="quantity">The quantity; negative for refunds (the price is then negated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task<double> GetPriceAsync(Product product, double quantity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        return GetPriceAsync(product.Id, quantity, cancellationToken);
    }
}
