using Odoo.Domains;

namespace Odoo.Models.OpenStack;

/// <summary>Product lookups of the OpenStack integration: the products a company sells.</summary>
public partial class ProductManager
{
    /// <summary>
    /// The domain of the products <paramref name="companyId"/> sells: its own, active, sellable
    /// products (<c>company_id = company</c>, <c>active = true</c>, <c>sale_ok = true</c>). Use it with
    /// <c>SearchIdsAsync</c> or <c>SearchDictionariesAsync</c> for ids or raw values.
    /// </summary>
    /// <param name="companyId">The company id.</param>
    public static OdooDomain SellableCompanyProductsDomain(int companyId) =>
        OdooDomain.Equal(nameof(Product.Company), ManagerSupport.CheckId(companyId, nameof(companyId)))
        & OdooDomain.Equal(nameof(Product.Active), true)
        & OdooDomain.Equal(nameof(Product.SaleOk), true);

    /// <summary>Reads every product a company sells (one <c>search_read</c>, no limit).</summary>
    /// <param name="companyId">The company id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="order">The order, by local or Odoo names; <see langword="null"/> for Odoo's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<Product>> GetSellableCompanyProductsAsync(
        int companyId, IEnumerable<string>? fields = null, string? order = null, CancellationToken cancellationToken = default) =>
        SearchAsync(SellableCompanyProductsDomain(companyId), fields, order, cancellationToken: cancellationToken);

    /// <summary>Reads every product a company sells (one <c>search_read</c>, no limit).</summary>
    /// <param name="company">The company.</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="order">The order; <see langword="null"/> for Odoo's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<Product>> GetSellableCompanyProductsAsync(
        Company company, IEnumerable<string>? fields = null, string? order = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        return GetSellableCompanyProductsAsync(company.Id, fields, order, cancellationToken);
    }

    /// <summary>
    /// Reads the one product a company sells under <paramref name="name"/> (one <c>search_read</c> on
    /// <c>name</c>, then company, active and sellable).
    /// </summary>
    /// <param name="companyId">The company id.</param>
    /// <param name="name">The product name (exact).</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No such product.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several products match.</exception>
    public Task<Product> GetSellableCompanyProductByNameAsync(
        int companyId, string name, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return GetByUniqueFieldAsync("name", name, SellableCompanyProductsDomain(companyId), fields, cancellationToken: cancellationToken);
    }

    /// <summary>Reads the one product a company sells under <paramref name="name"/>.</summary>
    /// <param name="company">The company.</param>
    /// <param name="name">The product name (exact).</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No such product.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several products match.</exception>
    public Task<Product> GetSellableCompanyProductByNameAsync(
        Company company, string name, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        return GetSellableCompanyProductByNameAsync(company.Id, name, fields, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="GetSellableCompanyProductByNameAsync(int, string, IEnumerable{string}?, CancellationToken)"/>
    /// but returns <see langword="null"/> when no product matches (several matches are still an error):
    /// the Python client's <c>optional=True</c>.
    /// </summary>
    /// <param name="companyId">The company id.</param>
    /// <param name="name">The product name (exact).</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several products match.</exception>
    public Task<Product?> FindSellableCompanyProductByNameAsync(
        int companyId, string name, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindByUniqueFieldAsync("name", name, SellableCompanyProductsDomain(companyId), fields, cancellationToken: cancellationToken);
    }
}
