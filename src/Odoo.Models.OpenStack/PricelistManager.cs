using System.Globalization;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Models.OpenStack;

/// <summary>Pricelist operations: asking Odoo for a product's price.</summary>
public partial class PricelistManager
{
    /// <summary>
    /// Asks Odoo for the price of <paramref name="quantity"/> units of a product on a pricelist
    /// (one <c>price_get</c> call on the pricelist with the product id and the quantity).
    /// </summary>
    /// <remarks>
    /// Like the Python client, a negative quantity (a refund) is sent as 0 and the price Odoo returns
    /// is negated. <c>price_get</c> is provided by the OpenStack add-on's Odoo (stock Odoo 17 and
    /// later keep only a private <c>_price_get</c>); without it the call fails with a server error.
    /// </remarks>
    /// <param name="pricelistId">The pricelist id.</param>
    /// <param name="productId">The product id.</param>
    /// <param name="quantity">The quantity; negative for refunds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The price.</returns>
    /// <exception cref="OdooProtocolException">Odoo's answer has no price for the pricelist.</exception>
    public async Task<double> GetPriceAsync(int pricelistId, int productId, double quantity, CancellationToken cancellationToken = default)
    {
        ManagerSupport.CheckId(pricelistId, nameof(pricelistId));
        ManagerSupport.CheckId(productId, nameof(productId));
        var call = new OdooCall(ModelName, "price_get")
        {
            Ids = [pricelistId],
            Arguments = [new OdooArgument("prod_id", productId), new OdooArgument("qty", Math.Max(quantity, 0))],
            IsReadOnly = true,
        };
        var key = pricelistId.ToString(CultureInfo.InvariantCulture);
        var price = await Client.ExecuteAsync(call, (ref Utf8JsonReader reader) => ReadPrice(ref reader, key), cancellationToken).ConfigureAwait(false);
        return quantity < 0 ? -price : price;
    }

    /// <summary>Asks Odoo for the price of a product on a pricelist (see <see cref="GetPriceAsync(int, int, double, CancellationToken)"/>).</summary>
    /// <param name="pricelist">The pricelist.</param>
    /// <param name="product">The product.</param>
    /// <param name="quantity">The quantity; negative for refunds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<double> GetPriceAsync(Pricelist pricelist, Product product, double quantity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pricelist);
        ArgumentNullException.ThrowIfNull(product);
        return GetPriceAsync(pricelist.Id, product.Id, quantity, cancellationToken);
    }

    /// <summary>Reads <c>{"&lt;pricelist id&gt;": price, ...}</c> and returns the price under <paramref name="key"/>.</summary>
    private static double ReadPrice(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref reader, "a mapping of pricelist id to price");
        double? price = null;
        OdooJsonReader.Read(ref reader);
        while (reader.TokenType != JsonTokenType.EndObject)
        {
            var isKey = reader.ValueTextEquals(key);
            OdooJsonReader.Read(ref reader);
            if (isKey) price = OdooJsonReader.ReadDouble(ref reader);
            else reader.Skip();
            OdooJsonReader.Read(ref reader);
        }
        return price ?? throw new OdooProtocolException($"Odoo's price_get answer has no price for pricelist {key}.");
    }
}
